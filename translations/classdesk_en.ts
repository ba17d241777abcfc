<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClassDesk::CoursewareModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewarePage</name>
    <message numerus="yes">
        <source>Imported %n file(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewarePreview</name>
    <message numerus="yes">
        <source>This video runs %1, longer than %n minute(s). Short lessons with chapter marks keep students watching: split the video or add chapter marks.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
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
    <name>ClassDesk::UploadQueue</name>
    <message numerus="yes">
        <source>ClassDesk stopped trying to upload this file after %n attempt(s). %1 Check the network connection, then retry the upload.</source>
        <translation>
            <numerusform>ClassDesk stopped trying to upload this file after %n attempt. %1 Check the network connection, then retry the upload.</numerusform>
            <numerusform>ClassDesk stopped trying to upload this file after %n attempts. %1 Check the network connection, then retry the upload.</numerusform>
        </translation>
    </message>
</context>
</TS>
