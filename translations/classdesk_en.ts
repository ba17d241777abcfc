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
</TS>
