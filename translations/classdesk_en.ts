<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClassDesk::RosterImporter</name>
    <message numerus="yes">
        <source>The file does not read cleanly as %1: %n character(s) could not be decoded, the first on line %2. Choose the encoding in which the text looks right.</source>
        <translation>
            <numerusform>The file does not read cleanly as %1: %n character could not be decoded, the first on line %2. Choose the encoding in which the text looks right.</numerusform>
            <numerusform>The file does not read cleanly as %1: %n characters could not be decoded, the first on line %2. Choose the encoding in which the text looks right.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::SyncEngine</name>
    <message numerus="yes">
        <source>%n change(s) could not be synced and need your decision on the Sync page.</source>
        <translation>
            <numerusform>%n change could not be synced and needs your decision on the Sync page.</numerusform>
            <numerusform>%n changes could not be synced and need your decision on the Sync page.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind the platform&apos;s. Set the correct date and time, then sync again; attendance marks depend on it.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute behind the platform&apos;s. Set the correct date and time, then sync again; attendance marks depend on it.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes behind the platform&apos;s. Set the correct date and time, then sync again; attendance marks depend on it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead of the platform&apos;s. Set the correct date and time, then sync again; attendance marks depend on it.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute ahead of the platform&apos;s. Set the correct date and time, then sync again; attendance marks depend on it.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes ahead of the platform&apos;s. Set the correct date and time, then sync again; attendance marks depend on it.</numerusform>
        </translation>
    </message>
</context>
</TS>
