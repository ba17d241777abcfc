<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ClassDesk::AttendanceReport</name>
    <message>
        <source>%1 attendance</source>
        <translation>%1考勤</translation>
    </message>
    <message>
        <source>Student number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Attendance rate</source>
        <translation>出勤率</translation>
    </message>
</context>
<context>
    <name>ClassDesk::CsvReader</name>
    <message>
        <source>The quoted field that starts on line %1 is never closed. Check the quotation marks in the file, or save it again from the spreadsheet program.</source>
        <translation>从第 %1 行开始的带引号字段没有结束。请检查文件中的引号，或在表格软件中重新保存该文件。</translation>
    </message>
    <message>
        <source>Line %1 holds a field longer than %2 characters, which a roster never needs. Check that this is the right file.</source>
        <translation>第 %1 行有一个字段超过 %2 个字符，学生名单不会有这么长的内容。请确认选择的文件是否正确。</translation>
    </message>
    <message>
        <source>Line %1 has more than %2 columns. Check that this is the right file.</source>
        <translation>第 %1 行超过 %2 列。请确认选择的文件是否正确。</translation>
    </message>
    <message>
        <source>The file has more than %1 rows. Split it into one file per class.</source>
        <translation>文件超过 %1 行。请按班级拆分成多个文件。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::CsvWriter</name>
    <message>
        <source>Could not save %1 (%2). Check that the folder is writable and the file is not open in another program.</source>
        <translation>无法保存 %1（%2）。请确认文件夹可写，且该文件没有在其他程序中打开。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::Database</name>
    <message>
        <source>Could not create the data folder %1. Check that it is writable or choose another data folder.</source>
        <translation>无法创建数据文件夹 %1。请检查该文件夹是否可写，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>The local database reported an error (%1: %2). Your saved work is kept; restart ClassDesk and try again.</source>
        <translation>本地数据库出错（%1：%2）。已保存的内容不会丢失，请重新启动课堂助手后再试。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::MainWindow</name>
    <message>
        <source>ClassDesk</source>
        <translation>课堂助手</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>功能分区</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Today&apos;s timetable: each lesson with its courseware, assignment and attendance, and one button that publishes the prepared lesson.</source>
        <translation>今日课表：每节课的课件、作业和考勤，一键发布备好的课。</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Take attendance for a class, and see attendance statistics over a term.</source>
        <translation>为班级点名考勤，并查看整个学期的考勤统计。</translation>
    </message>
    <message>
        <source>Courseware</source>
        <translation>课件</translation>
    </message>
    <message>
        <source>Your library of slides, documents, audio and video, and their uploads.</source>
        <translation>您的课件库：幻灯片、文档、音频和视频，以及它们的上传情况。</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Write assignments, publish them to classes, and follow the submissions.</source>
        <translation>布置作业、发布到班级，并跟踪学生提交情况。</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>The connection to your school&apos;s platform and the changes waiting to be sent.</source>
        <translation>与学校平台的连接，以及等待发送的更改。</translation>
    </message>
    <message>
        <source>Local data: %1</source>
        <translation>本地数据：%1</translation>
    </message>
</context>
<context>
    <name>ClassDesk::OrcusSpreadsheetReader</name>
    <message>
        <source>The file could not be read as an %1 workbook (%2). Open it in the spreadsheet program, save it again and retry.</source>
        <translation>无法将该文件作为 %1 工作簿读取（%2）。请在表格软件中打开并重新保存后再试。</translation>
    </message>
    <message>
        <source>The workbook has no sheet number %1.</source>
        <translation>工作簿中没有第 %1 个工作表。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::PlaceholderPage</name>
    <message>
        <source>This section is not built yet.</source>
        <translation>此部分尚未完成。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::RosterExporter</name>
    <message>
        <source>Student number</source>
        <translation>学号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
</context>
<context>
    <name>ClassDesk::RosterImporter</name>
    <message>
        <source>Could not open %1 (%2). Check that the file exists and is not open in another program.</source>
        <translation>无法打开 %1（%2）。请确认文件存在，且没有被其他程序占用。</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB, which is far more than a roster needs. Check that this is the right file.</source>
        <translation>%1 大于 %2 MB，远超学生名单所需。请确认选择的文件是否正确。</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB, which is far more than a roster needs. Check that this is the right file.</source>
        <translation>文件大于 %1 MB，远超学生名单所需。请确认选择的文件是否正确。</translation>
    </message>
    <message numerus="yes">
        <source>The file does not read cleanly as %1: %n character(s) could not be decoded, the first on line %2. Choose the encoding in which the text looks right.</source>
        <translation>
            <numerusform>按%1读取该文件时有 %n 个字符无法解码，第一个在第 %2 行。请选择能正确显示文字的编码。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::RosterPreviewBuilder</name>
    <message>
        <source>Row %1: the name is missing in column &quot;%2&quot;. Enter the student&apos;s name or delete the row.</source>
        <translation>第 %1 行：“%2”列缺少姓名。请填写学生姓名或删除该行。</translation>
    </message>
    <message>
        <source>Row %1: the student number is missing in column &quot;%2&quot;. Every student needs one so the roster can be matched with the school platform.</source>
        <translation>第 %1 行：“%2”列缺少学号。每名学生都需要学号，才能与学校平台上的名单对应。</translation>
    </message>
    <message>
        <source>Row %1: the student number &quot;%2&quot; in column &quot;%3&quot; is in scientific notation, so its last digits are lost. Format the column as text in the spreadsheet program, type the numbers again and save.</source>
        <translation>第 %1 行：“%3”列的学号“%2”是科学计数法，末尾数字已经丢失。请在表格软件中把该列设为文本格式，重新输入学号后保存。</translation>
    </message>
    <message>
        <source>Row %1: the student number &quot;%2&quot; in column &quot;%3&quot; is not a whole number. Correct it in the file.</source>
        <translation>第 %1 行：“%3”列的学号“%2”不是整数。请在文件中改正。</translation>
    </message>
    <message>
        <source>Row %1: the student number %2 in column &quot;%3&quot; is also on row %4. Each student needs a number of their own; correct one of the rows.</source>
        <translation>第 %1 行：“%3”列的学号 %2 与第 %4 行重复。每名学生的学号必须不同，请改正其中一行。</translation>
    </message>
    <message>
        <source>Row %1: the student number %2 in column &quot;%3&quot; already belongs to %4. Check the number; a student keeps the same number in every class.</source>
        <translation>第 %1 行：“%3”列的学号 %2 已属于 %4。请核对学号；同一名学生在各个班级中的学号相同。</translation>
    </message>
    <message>
        <source>No header row with a name column (姓名 or Name) and a student number column (学号, 学籍号, 考号 or Student ID) was found near the top of the sheet. Add these headers above the students.</source>
        <translation>在表格开头没有找到同时包含姓名列（姓名或 Name）和学号列（学号、学籍号、考号或 Student ID）的表头行。请在学生数据上方添加这些表头。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::SpreadsheetReader</name>
    <message>
        <source>The workbook has no sheet named &quot;%1&quot;. Choose one of: %2.</source>
        <translation>工作簿中没有名为“%1”的工作表。请从以下工作表中选择：%2。</translation>
    </message>
    <message>
        <source>This copy of ClassDesk cannot read XLSX or ODS files. Save the roster as CSV in the spreadsheet program and import that file.</source>
        <translation>此版本的课堂助手无法读取 XLSX 或 ODS 文件。请在表格软件中把名单另存为 CSV 文件后再导入。</translation>
    </message>
    <message>
        <source>The workbook is larger than %1 MB, which is far more than a roster needs. Check that this is the right file.</source>
        <translation>工作簿大于 %1 MB，远超学生名单所需。请确认选择的文件是否正确。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::TextCodec</name>
    <message>
        <source>Unicode (UTF-8)</source>
        <translation>Unicode（UTF-8）</translation>
    </message>
    <message>
        <source>Unicode (UTF-16 little-endian)</source>
        <translation>Unicode（UTF-16 小端）</translation>
    </message>
    <message>
        <source>Unicode (UTF-16 big-endian)</source>
        <translation>Unicode（UTF-16 大端）</translation>
    </message>
    <message>
        <source>Simplified Chinese (GB18030/GBK)</source>
        <translation>简体中文（GB18030/GBK）</translation>
    </message>
</context>
<context>
    <name>ClassDesk::XlsxTableWriter</name>
    <message>
        <source>the file could not be replaced</source>
        <translation>无法替换原有文件</translation>
    </message>
    <message>
        <source>Could not save %1 (%2). Check that the folder is writable and the file is not open in another program.</source>
        <translation>无法保存 %1（%2）。请确认文件夹可写，且该文件没有在其他程序中打开。</translation>
    </message>
</context>
<context>
    <name>ServerAddress</name>
    <message>
        <source>Enter your school platform&apos;s address, for example platform.school.edu.cn.</source>
        <translation>请输入学校平台的地址，例如 platform.school.edu.cn。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address. Check it for typing mistakes.</source>
        <translation>“%1”不是有效的地址，请检查是否输入有误。</translation>
    </message>
    <message>
        <source>The address must start with https://.</source>
        <translation>地址必须以 https:// 开头。</translation>
    </message>
    <message>
        <source>The address %1 is not encrypted (http://). Use the platform&apos;s https:// address.</source>
        <translation>地址 %1 未加密（http://）。请使用平台的 https:// 地址。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>ClassDesk cannot start</source>
        <translation>课堂助手无法启动</translation>
    </message>
</context>
</TS>
