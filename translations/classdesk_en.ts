<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClassDesk::Cli</name>
    <message numerus="yes">
        <source>Pulled %n change(s) from the platform.</source>
        <translation>
            <numerusform>Pulled %n change from the platform.</numerusform>
            <numerusform>Pulled %n changes from the platform.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pushed %n local change(s).</source>
        <translation>
            <numerusform>Pushed %n local change.</numerusform>
            <numerusform>Pushed %n local changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New conflicts: %n.</source>
        <translation>
            <numerusform>New conflicts: %n.</numerusform>
            <numerusform>New conflicts: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes waiting for the teacher: %n.</source>
        <translation>
            <numerusform>Changes waiting for the teacher: %n.</numerusform>
            <numerusform>Changes waiting for the teacher: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The sync did not finish within %n minute(s).</source>
        <translation>
            <numerusform>The sync did not finish within %n minute.</numerusform>
            <numerusform>The sync did not finish within %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewareModel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewarePage</name>
    <message numerus="yes">
        <source>Imported %n file(s).</source>
        <translation>
            <numerusform>Imported %n file.</numerusform>
            <numerusform>Imported %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%n file could not be imported:</numerusform>
            <numerusform>%n files could not be imported:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more.</source>
        <translation>
            <numerusform>and %n more.</numerusform>
            <numerusform>and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewarePreview</name>
    <message numerus="yes">
        <source>This video runs %1, longer than %n minute(s). Short lessons with chapter marks keep students watching: split the video or add chapter marks.</source>
        <translation>
            <numerusform>This video runs %1, longer than %n minute. Short lessons with chapter marks keep students watching: split the video or add chapter marks.</numerusform>
            <numerusform>This video runs %1, longer than %n minutes. Short lessons with chapter marks keep students watching: split the video or add chapter marks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::HeldMarksBanner</name>
    <message numerus="yes">
        <source>%n attendance mark(s) were taken while this computer&apos;s clock was wrong, so they have not been sent. Check them; if they are right, confirm them.</source>
        <translation>
            <numerusform>%n attendance mark was taken while this computer&apos;s clock was wrong, so it has not been sent. Check it; if it is right, confirm it.</numerusform>
            <numerusform>%n attendance marks were taken while this computer&apos;s clock was wrong, so they have not been sent. Check them; if they are right, confirm them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::MainWindow</name>
    <message numerus="yes">
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · %n change waiting</numerusform>
            <numerusform>%1 · %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::RosterImportDialog</name>
    <message numerus="yes">
        <source>%n row(s) have problems and are marked in red. They are left out unless you fix the file and choose it again.</source>
        <translation>
            <numerusform>%n row has problems and is marked in red. It is left out unless you fix the file and choose it again.</numerusform>
            <numerusform>%n rows have problems and are marked in red. They are left out unless you fix the file and choose it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n student(s) found. Nothing is saved until you import.</source>
        <translation>
            <numerusform>%n student found. Nothing is saved until you import.</numerusform>
            <numerusform>%n students found. Nothing is saved until you import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n student(s)</source>
        <translation>
            <numerusform>Import %n student</numerusform>
            <numerusform>Import %n students</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n student(s) without problems</source>
        <translation>
            <numerusform>Import %n student without problems</numerusform>
            <numerusform>Import %n students without problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have warnings and are marked in yellow. These students are imported too.</source>
        <translation>
            <numerusform>%n row has a warning and is marked in yellow. This student is imported too.</numerusform>
            <numerusform>%n rows have warnings and are marked in yellow. These students are imported too.</numerusform>
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
    <message numerus="yes">
        <source>%n attendance mark(s) were taken while this computer&apos;s clock was wrong. Check and confirm them on the Attendance page; until then they stay on this computer.</source>
        <translation>
            <numerusform>%n attendance mark was taken while this computer&apos;s clock was wrong. Check and confirm it on the Attendance page; until then it stays on this computer.</numerusform>
            <numerusform>%n attendance marks were taken while this computer&apos;s clock was wrong. Check and confirm them on the Attendance page; until then they stay on this computer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::SyncPage</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more change(s) not shown</source>
        <translation>
            <numerusform>%n more change not shown</numerusform>
            <numerusform>%n more changes not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more change(s) go out after the file uploads or earlier changes they wait for, or are being sent now</source>
        <translation>
            <numerusform>%n more change goes out after the file uploads or earlier changes it waits for, or is being sent now</numerusform>
            <numerusform>%n more changes go out after the file uploads or earlier changes they wait for, or are being sent now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::TodayLessonWidget</name>
    <message numerus="yes">
        <source>(%n waiting for upload)</source>
        <translation>
            <numerusform>(%n waiting for upload)</numerusform>
            <numerusform>(%n waiting for upload)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::TodayPage</name>
    <message numerus="yes">
        <source>%n courseware file(s) queued for upload</source>
        <translation>
            <numerusform>%n courseware file queued for upload</numerusform>
            <numerusform>%n courseware files queued for upload</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) published</source>
        <translation>
            <numerusform>%n assignment published</numerusform>
            <numerusform>%n assignments published</numerusform>
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
<context>
    <name>ClassDesk::UploadQueueModel</name>
    <message numerus="yes">
        <source>About %n minute(s) left</source>
        <translation>
            <numerusform>About %n minute left</numerusform>
            <numerusform>About %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About %n hour(s) left</source>
        <translation>
            <numerusform>About %n hour left</numerusform>
            <numerusform>About %n hours left</numerusform>
        </translation>
    </message>
</context>
</TS>
