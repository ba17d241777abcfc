<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ClassDesk::AboutDialog</name>
    <message>
        <source>About ClassDesk</source>
        <translation>关于课堂助手</translation>
    </message>
    <message>
        <source>ClassDesk</source>
        <translation>课堂助手</translation>
    </message>
    <message>
        <source>Version %1 (build %2)</source>
        <translation>版本 %1（构建 %2）</translation>
    </message>
    <message>
        <source>A teaching assistant that works offline and syncs with your school&apos;s platform.</source>
        <translation>一款可离线使用、并与学校平台同步的教学助手。</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later.</source>
        <translation>本软件为自由软件，依据 GNU 通用公共许可证第 3 版或更高版本发布。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::AssignmentStore</name>
    <message>
        <source>Choose when the assignment should be published before scheduling it.</source>
        <translation>请先选择作业的发布时间，再设置定时发布。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::AttendanceModel</name>
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
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Early leave</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>未点名</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
</context>
<context>
    <name>ClassDesk::AttendancePage</name>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>节次</translation>
    </message>
    <message>
        <source>All present</source>
        <translation>全部出勤</translation>
    </message>
    <message>
        <source>Mark every student who has no mark yet as present</source>
        <translation>把所有尚未点名的学生记为出勤</translation>
    </message>
    <message>
        <source>Random pick</source>
        <translation>随机点名</translation>
    </message>
    <message>
        <source>Animate</source>
        <translation>动画</translation>
    </message>
    <message>
        <source>Flash through the tiles before the random pick stops</source>
        <translation>随机点名时先在学生之间闪动，再停在选中的学生上</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>班级(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>节次(&amp;P)：</translation>
    </message>
    <message>
        <source>No classes yet. Import a roster file to add a class and its students.</source>
        <translation>还没有班级。请导入花名册文件来添加班级和学生。</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Present %1 · Late %2 · Absent %3 · Leave %4 · Early leave %5 · Not marked %6</source>
        <translation>出勤 %1 · 迟到 %2 · 缺勤 %3 · 请假 %4 · 早退 %5 · 未点名 %6</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Note for %1</source>
        <translation>%1 的备注</translation>
    </message>
    <message>
        <source>Note (for example, the reason for leave):</source>
        <translation>备注（例如请假原因）：</translation>
    </message>
    <message>
        <source>Picking…</source>
        <translation>正在抽选…</translation>
    </message>
    <message>
        <source>Picked: %1 (%2)</source>
        <translation>抽中：%1（%2）</translation>
    </message>
</context>
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
    <name>ClassDesk::AttendanceStatisticsView</name>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>班级(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>从(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>到(&amp;T)：</translation>
    </message>
    <message>
        <source>Daily attendance rate</source>
        <translation>每日出勤率</translation>
    </message>
    <message>
        <source>Daily attendance rate (%)</source>
        <translation>每日出勤率（%）</translation>
    </message>
    <message>
        <source>Daily attendance rate chart</source>
        <translation>每日出勤率图表</translation>
    </message>
    <message>
        <source>Attendance per student</source>
        <translation>每位学生的考勤</translation>
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
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Early leave</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>出勤率</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>起始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>Attendance rate %1 over %2 marks</source>
        <translation>出勤率 %1（共 %2 条考勤记录）</translation>
    </message>
</context>
<context>
    <name>ClassDesk::AuthClient</name>
    <message>
        <source>The platform sent an unexpected reply to the sign-in. Try again later, or tell your school&apos;s administrator.</source>
        <translation>平台对登录请求返回了无法识别的响应。请稍后再试，或告知学校管理员。</translation>
    </message>
    <message>
        <source>Sign in to the school platform to sync. Your work is kept on this computer until then.</source>
        <translation>请登录学校平台以进行同步。在此之前，您的内容会保存在这台电脑上。</translation>
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
        <source>The local database is busy with another task. Try again in a moment.</source>
        <translation>本地数据库正忙于其他任务，请稍后再试。</translation>
    </message>
    <message>
        <source>The disk is full, so the change was not saved. Free some disk space and try again.</source>
        <translation>磁盘已满，本次修改未保存。请清理部分磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The local database cannot be written. Check that its folder is writable or choose another data folder.</source>
        <translation>无法写入本地数据库。请检查其所在文件夹是否可写，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>The local database file is damaged. Restore it from a backup or choose another data folder.</source>
        <translation>本地数据库文件已损坏。请从备份恢复，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <source>The change conflicts with data that is already saved, so it was not saved.</source>
        <translation>该修改与已保存的数据冲突，因此未保存。</translation>
    </message>
    <message>
        <source>The local database reported an error. Your saved work is kept; restart ClassDesk and try again.</source>
        <translation>本地数据库出错。已保存的内容不会丢失；请重新启动课堂助手后再试。</translation>
    </message>
    <message>
        <source>This data was saved by a newer version of ClassDesk (data version %1, this version reads up to %2). Install the newer ClassDesk to open it. The file was not changed.</source>
        <translation>这些数据由更新版本的课堂助手保存（数据版本 %1，当前版本最高只能读取版本 %2）。请安装新版课堂助手后再打开。文件未作任何改动。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::DatabaseBackup</name>
    <message>
        <source>The backup could not be written to %1 (%2). Check that the folder exists, is writable and has free space, then try again.</source>
        <translation>无法把备份写入 %1（%2）。请检查文件夹是否存在、可写且有剩余空间，然后重试。</translation>
    </message>
    <message>
        <source>the file could not be renamed</source>
        <translation>无法重命名文件</translation>
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
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ClassDesk</source>
        <translation>关于课堂助手(&amp;A)</translation>
    </message>
    <message>
        <source>Take attendance</source>
        <translation>点名</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
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
    <name>ClassDesk::SchoolStore</name>
    <message>
        <source>The time zone %1 is not known. Use a zone name such as Asia/Shanghai.</source>
        <translation>无法识别时区 %1。请使用 Asia/Shanghai 这样的时区名称。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::SettingsPage</name>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>ClassDesk uses the new language the next time it starts.</source>
        <translation>课堂助手下次启动时使用新的语言。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>界面语言(&amp;I)：</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> KB/秒</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限速</translation>
    </message>
    <message>
        <source>Keeps uploads from filling the school&apos;s internet connection during class.</source>
        <translation>避免上课时上传占满学校的网络。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>&amp;Upload speed limit:</source>
        <translation>上传限速(&amp;U)：</translation>
    </message>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Export backup…</source>
        <translation>导出备份…</translation>
    </message>
    <message>
        <source>Local data</source>
        <translation>本地数据</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>ClassDesk backup %1.sqlite3</source>
        <translation>课堂助手备份 %1.sqlite3</translation>
    </message>
    <message>
        <source>Export backup</source>
        <translation>导出备份</translation>
    </message>
    <message>
        <source>ClassDesk backup (*.sqlite3)</source>
        <translation>课堂助手备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>正在写入备份…</translation>
    </message>
    <message>
        <source>Backup saved to %1.</source>
        <translation>备份已保存到 %1。</translation>
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
    <name>ClassDesk::Store</name>
    <message>
        <source>The item was not found. It may have been deleted; refresh the list and try again.</source>
        <translation>未找到该项目，可能已被删除。请刷新列表后重试。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::StudentTileDelegate</name>
    <message>
        <source>Not marked</source>
        <translation>未点名</translation>
    </message>
</context>
<context>
    <name>ClassDesk::SyncEngine</name>
    <message>
        <source>The platform sent an incomplete or damaged reply. ClassDesk will try again.</source>
        <translation>平台返回的响应不完整或已损坏。ClassDesk 会再次尝试。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be synced and need your decision on the Sync page.</source>
        <translation>
            <numerusform>有 %n 项更改无法同步，需要您在“同步”页面上处理。</numerusform>
        </translation>
    </message>
    <message>
        <source>The platform reported a conflict with its data. Sync again; if this repeats, contact your school&apos;s administrator.</source>
        <translation>平台报告与其数据存在冲突。请再次同步；如果问题反复出现，请联系学校管理员。</translation>
    </message>
    <message>
        <source>A single change is too large for the platform. Remove or shrink it and sync again.</source>
        <translation>有一项更改对平台来说过大。请删除或缩小它，然后再次同步。</translation>
    </message>
    <message>
        <source>The platform has run out of storage. ClassDesk will try again later; tell your school&apos;s administrator if this lasts.</source>
        <translation>平台存储空间已满。ClassDesk 稍后会再次尝试；如果持续出现，请告知学校管理员。</translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) behind the platform&apos;s. Set the correct date and time, then sync again; attendance marks depend on it.</source>
        <translation>
            <numerusform>这台电脑的时钟比平台慢 %n 分钟。请设置正确的日期和时间后再同步；考勤记录依赖准确的时间。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) ahead of the platform&apos;s. Set the correct date and time, then sync again; attendance marks depend on it.</source>
        <translation>
            <numerusform>这台电脑的时钟比平台快 %n 分钟。请设置正确的日期和时间后再同步；考勤记录依赖准确的时间。</numerusform>
        </translation>
    </message>
    <message>
        <source>The platform denied access for this account. Ask your school&apos;s administrator to check your permissions; your work stays on this computer.</source>
        <translation>平台拒绝了此账号的访问。请联系学校管理员检查您的权限；您的工作仍保存在这台电脑上。</translation>
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
    <name>ClassDesk::TokenStore</name>
    <message>
        <source>The system keychain is not available, so your sign-in is kept only until ClassDesk closes. You will have to sign in again next time.</source>
        <translation>系统钥匙串不可用，因此登录状态只保留到课堂助手关闭为止。下次启动时需要重新登录。</translation>
    </message>
    <message>
        <source>Your sign-in could not be saved in or removed from the system keychain (%1).</source>
        <translation>无法在系统钥匙串中保存或删除您的登录信息（%1）。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::Workspace</name>
    <message>
        <source>My school</source>
        <translation>我的学校</translation>
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
    <name>HttpErrors</name>
    <message>
        <source>The platform&apos;s address could not be found. Check that this computer is connected to the internet and that the address is right.</source>
        <translation>找不到平台地址。请检查这台电脑是否已连接互联网，以及地址是否正确。</translation>
    </message>
    <message>
        <source>The platform did not accept the connection. It may be down or blocked by a firewall; ClassDesk will try again later.</source>
        <translation>平台拒绝了连接。平台可能已停止服务或被防火墙拦截；课堂助手稍后会重试。</translation>
    </message>
    <message>
        <source>The platform did not answer in time. The network may be slow; ClassDesk will try again later.</source>
        <translation>平台未能及时响应。网络可能较慢；课堂助手稍后会重试。</translation>
    </message>
    <message>
        <source>The platform&apos;s security certificate could not be verified, so the connection was stopped. Ask your school&apos;s administrator for the platform&apos;s certificate file.</source>
        <translation>无法验证平台的安全证书，连接已停止。请向学校管理员索取平台的证书文件。</translation>
    </message>
    <message>
        <source>A secure connection to the platform could not be set up. ClassDesk will try again later.</source>
        <translation>无法与平台建立安全连接。课堂助手稍后会重试。</translation>
    </message>
    <message>
        <source>The connection to the platform was lost. ClassDesk will try again later.</source>
        <translation>与平台的连接已断开。课堂助手稍后会重试。</translation>
    </message>
    <message>
        <source>A file could not be read for sending. Check that it still exists.</source>
        <translation>无法读取要发送的文件。请检查该文件是否仍然存在。</translation>
    </message>
    <message>
        <source>The request to the platform failed. ClassDesk will try again later.</source>
        <translation>向平台发送的请求失败。课堂助手稍后会重试。</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Enter the one-time code from your authenticator app.</source>
        <translation>请输入身份验证器应用中的一次性验证码。</translation>
    </message>
    <message>
        <source>The one-time code is wrong or has expired. Enter the current code.</source>
        <translation>一次性验证码错误或已过期。请输入当前的验证码。</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again to continue syncing.</source>
        <translation>登录已过期。请重新登录以继续同步。</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Wait a moment, then try again.</source>
        <translation>登录尝试次数过多。请稍等片刻再试。</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid. Sign in again to continue syncing.</source>
        <translation>登录已失效。请重新登录以继续同步。</translation>
    </message>
    <message>
        <source>The platform does not have this file.</source>
        <translation>平台上没有这个文件。</translation>
    </message>
    <message>
        <source>The platform did not accept your sign-in. Sign in again.</source>
        <translation>平台未接受您的登录。请重新登录。</translation>
    </message>
    <message>
        <source>Your account may not do this on the platform. Ask your school&apos;s administrator.</source>
        <translation>您的账号无权在平台上执行此操作。请联系学校管理员。</translation>
    </message>
    <message>
        <source>The platform holds a newer version of this item.</source>
        <translation>平台上有此项目的更新版本。</translation>
    </message>
    <message>
        <source>The platform does not accept an upload this large.</source>
        <translation>平台不接受这么大的上传。</translation>
    </message>
    <message>
        <source>The platform is busy. ClassDesk will try again in a moment.</source>
        <translation>平台繁忙。课堂助手稍后会重试。</translation>
    </message>
    <message>
        <source>The platform has run out of storage space. ClassDesk will try again later; tell your school&apos;s administrator if this persists.</source>
        <translation>平台存储空间已满。课堂助手稍后会重试；如果问题持续，请告知学校管理员。</translation>
    </message>
    <message>
        <source>The platform had an internal problem (HTTP %1). ClassDesk will try again later.</source>
        <translation>平台出现内部问题（HTTP %1）。课堂助手稍后会重试。</translation>
    </message>
    <message>
        <source>The platform rejected the request (HTTP %1).</source>
        <translation>平台拒绝了该请求（HTTP %1）。</translation>
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
