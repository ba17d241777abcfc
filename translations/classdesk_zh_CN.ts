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
    <name>ClassDesk::AssignmentEditor</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>For example: Recite the poem</source>
        <translation>例如：背诵这首诗</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>作业说明</translation>
    </message>
    <message>
        <source>What students should do. **Bold** and lines starting with &quot;- &quot; are shown as formatting.</source>
        <translation>学生要做什么。**加粗** 和以“- ”开头的行会显示为格式。</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Mark the selected text bold (%1)</source>
        <translation>将选中的文字加粗（%1）</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Start the selected lines with a list dash</source>
        <translation>在选中的各行前加上列表符号</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attach from library…</source>
        <translation>从课件库添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>移除附件</translation>
    </message>
    <message>
        <source>Target classes</source>
        <translation>布置班级</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Dates and times are in the school&apos;s time zone (%1).</source>
        <translation>日期和时间均为学校所在时区（%1）的时间。</translation>
    </message>
    <message>
        <source>This computer is set to another time zone.</source>
        <translation>这台电脑设置的是其他时区。</translation>
    </message>
    <message>
        <source>Publish &amp;now</source>
        <translation>立即发布(&amp;N)</translation>
    </message>
    <message>
        <source>Publish date</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Publish time</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>定时发布(&amp;S)</translation>
    </message>
    <message>
        <source>Publish automatically at the chosen school time</source>
        <translation>在选定的学校时间自动发布</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>改回草稿</translation>
    </message>
    <message>
        <source>or at</source>
        <translation>或定时于</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Instructions:</source>
        <translation>说明(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Attachments:</source>
        <translation>附件(&amp;A)：</translation>
    </message>
    <message>
        <source>C&amp;lasses:</source>
        <translation>班级(&amp;L)：</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>截止：</translation>
    </message>
    <message>
        <source>Publish:</source>
        <translation>发布：</translation>
    </message>
    <message>
        <source>(courseware removed from the library)</source>
        <translation>（该课件已从课件库删除）</translation>
    </message>
    <message>
        <source>New draft. It is saved as soon as you type.</source>
        <translation>新草稿。输入后即自动保存。</translation>
    </message>
    <message>
        <source>Draft. Changes are saved as you type.</source>
        <translation>草稿。修改会在输入时自动保存。</translation>
    </message>
    <message>
        <source>Scheduled to publish at %1 school time.</source>
        <translation>已定时于学校时间 %1 发布。</translation>
    </message>
    <message>
        <source>Published at %1 school time. Changes are still saved and sent.</source>
        <translation>已于学校时间 %1 发布。之后的修改仍会保存并发送。</translation>
    </message>
    <message>
        <source>Give the assignment a title before publishing it.</source>
        <translation>发布前请先给作业填写标题。</translation>
    </message>
    <message>
        <source>Choose at least one class before publishing the assignment.</source>
        <translation>发布作业前请至少选择一个班级。</translation>
    </message>
    <message>
        <source>Choose a publish time in the future, in school time.</source>
        <translation>请选择一个晚于现在的发布时间（学校时间）。</translation>
    </message>
    <message>
        <source>Has a &amp;due date</source>
        <translation>设置截止时间(&amp;D)</translation>
    </message>
    <message>
        <source>Attach file from disk…</source>
        <translation>从磁盘附加文件…</translation>
    </message>
    <message>
        <source>Add files to the courseware library and attach them</source>
        <translation>把文件加入课件库并附加到作业</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Beijing time</source>
        <translation>北京时间</translation>
    </message>
    <message>
        <source>Filter classes</source>
        <translation>筛选班级</translation>
    </message>
    <message>
        <source>Type part of a class name</source>
        <translation>输入班级名称的一部分</translation>
    </message>
    <message>
        <source>Show classes I do not teach</source>
        <translation>显示我不任教的班级</translation>
    </message>
    <message>
        <source>The list starts with the classes of your courses. Other classes of the school are listed when this is ticked.</source>
        <translation>列表先列出您所授课程的班级。勾选此项后，也列出本校的其他班级。</translation>
    </message>
    <message>
        <source>You teach no course in this class.</source>
        <translation>您在这个班级没有任教的课程。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::AssignmentPage</name>
    <message>
        <source>Scheduled</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>due %1 %2</source>
        <translation>截止 %1 %2</translation>
    </message>
    <message>
        <source>Show assignments</source>
        <translation>显示的作业</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>&amp;New assignment</source>
        <translation>新建作业(&amp;N)</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>显示(&amp;W)：</translation>
    </message>
    <message>
        <source>No assignments match this filter.</source>
        <translation>没有符合筛选条件的作业。</translation>
    </message>
    <message>
        <source>No assignments yet. Press &quot;New assignment&quot; to write one.</source>
        <translation>还没有作业。点击“新建作业”开始布置。</translation>
    </message>
    <message>
        <source>Submitted %1 · Late %2 · Missing %3</source>
        <translation>已交 %1 · 迟交 %2 · 未交 %3</translation>
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
    <name>ClassDesk::AssignmentSubmissionsView</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟交</translation>
    </message>
    <message>
        <source>Graded</source>
        <translation>已批改</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未交</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>提交情况</translation>
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
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>No submissions yet.</source>
        <translation>暂无提交。</translation>
    </message>
    <message>
        <source>Submitted %1 · Late %2 · Missing %3</source>
        <translation>已交 %1 · 迟交 %2 · 未交 %3</translation>
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
    <message>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>Mark every student who has no mark yet as present (%1)</source>
        <translation>把所有尚未考勤的学生记为出勤（%1）</translation>
    </message>
    <message>
        <source>Pick a student at random (%1)</source>
        <translation>随机抽取一名学生（%1）</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>Animate the random pick</source>
        <translation>随机点名时播放动画</translation>
    </message>
    <message>
        <source>Counts per status</source>
        <translation>各状态人数</translation>
    </message>
    <message>
        <source>Space cycles the mark, 1 to 5 set one, N adds a note, the menu key opens the menu</source>
        <translation>空格键切换考勤状态，数字键 1 到 5 直接设置状态，N 键添加备注，菜单键打开菜单</translation>
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
    <message>
        <source>Period %1</source>
        <translation>第%1节</translation>
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
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>导出考勤</translation>
    </message>
    <message>
        <source>%1 attendance %2 to %3.xlsx</source>
        <translation>%1 考勤 %2 至 %3.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The attendance could not be saved to %1: %2</source>
        <translation>考勤无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>Choose a class to export.</source>
        <translation>请选择要导出的班级。</translation>
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
    <message>
        <source>The server at %1 does not speak HTTPS. A server on this computer, such as the reference server, may use plain HTTP: type the address as %2.</source>
        <translation>%1 上的服务器不支持 HTTPS。本机上的服务器（例如参考服务器）可以使用未加密的 HTTP：请把地址写成 %2。</translation>
    </message>
    <message>
        <source>No secure (HTTPS) connection could be set up with %1. Check the address: ClassDesk reaches a platform over https:// only. If the address is right, ask your school&apos;s administrator whether the network blocks secure connections.</source>
        <translation>无法与 %1 建立安全（HTTPS）连接。请核对地址：课堂助手只通过 https:// 连接平台。如果地址无误，请询问学校的信息管理员网络是否阻止了安全连接。</translation>
    </message>
    <message>
        <source>%1 answered, but no ClassDesk platform was found there (HTTP %2). Check the address.</source>
        <translation>%1 有回答，但那里没有课堂助手平台（HTTP %2）。请核对地址。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::Cli</name>
    <message>
        <source>attendance export needs --class NAME, --from YYYY-MM-DD, --to YYYY-MM-DD and -o FILE.</source>
        <translation>attendance export 需要 --class 班级名、--from YYYY-MM-DD、--to YYYY-MM-DD 和 -o 文件。</translation>
    </message>
    <message>
        <source>--from %1 is after --to %2.</source>
        <translation>--from %1 晚于 --to %2。</translation>
    </message>
    <message>
        <source>Unknown export format. Use --format xlsx or --format csv.</source>
        <translation>未知的导出格式。请使用 --format xlsx 或 --format csv。</translation>
    </message>
    <message>
        <source>There is no class named %1.</source>
        <translation>没有名为 %1 的班级。</translation>
    </message>
    <message>
        <source>Exported attendance of %1 students in %2 sessions to %3.</source>
        <translation>已将 %1 名学生在 %2 次考勤中的记录导出到 %3。</translation>
    </message>
    <message>
        <source>Encoding: %1 (%2)</source>
        <translation>编码：%1（%2）</translation>
    </message>
    <message>
        <source>detected</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>手动指定</translation>
    </message>
    <message>
        <source>Sheet: %1</source>
        <translation>工作表：%1</translation>
    </message>
    <message>
        <source>Students found: %1</source>
        <translation>找到学生：%1 名</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>The encoding is uncertain. Run again with --encoding and one of:</source>
        <translation>无法确定文件编码。请加上 --encoding 和以下编码之一重新运行：</translation>
    </message>
    <message>
        <source>roster import needs exactly one file. Example: classdesk-cli roster import 名单.csv</source>
        <translation>roster import 需要且只需要一个文件。例如：classdesk-cli roster import 名单.csv</translation>
    </message>
    <message>
        <source>Unknown encoding &quot;%1&quot;. Use UTF-8, UTF-16LE, UTF-16BE or GB18030.</source>
        <translation>未知编码“%1”。请使用 UTF-8、UTF-16LE、UTF-16BE 或 GB18030。</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation>已导入：新增 %1 名，更新 %2 名，未变 %3 名。</translation>
    </message>
    <message>
        <source>Nothing was imported because of the problems above. Fix the file, or add --skip-problem-rows to import the other rows.</source>
        <translation>由于以上问题，没有导入任何内容。请修改文件，或加上 --skip-problem-rows 导入其余的行。</translation>
    </message>
    <message>
        <source>Preview only: nothing was imported.</source>
        <translation>仅预览：没有导入任何内容。</translation>
    </message>
    <message>
        <source>roster export needs --class NAME and -o FILE.</source>
        <translation>roster export 需要 --class 班级名 和 -o 文件。</translation>
    </message>
    <message>
        <source>Exported %1 students to %2.</source>
        <translation>已将 %1 名学生导出到 %2。</translation>
    </message>
    <message>
        <source>Nothing was imported because of the problem above.</source>
        <translation>由于以上问题，没有导入任何内容。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid date for --%2. Write it as YYYY-MM-DD, e.g. 2026-09-01.</source>
        <translation>“%1”不是 --%2 的有效日期。请写成 YYYY-MM-DD 格式，例如 2026-09-01。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>One-time code: </source>
        <translation>一次性验证码：</translation>
    </message>
    <message>
        <source>the platform&apos;s copy changed too; decide on the Sync page</source>
        <translation>平台上的副本也已更改，请在“同步”页面中决定</translation>
    </message>
    <message numerus="yes">
        <source>Pulled %n change(s) from the platform.</source>
        <translation>
            <numerusform>从平台拉取了 %n 项更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pushed %n local change(s).</source>
        <translation>
            <numerusform>推送了 %n 项本地更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New conflicts: %n.</source>
        <translation>
            <numerusform>新冲突：%n 项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes waiting for the teacher: %n.</source>
        <translation>
            <numerusform>等待教师处理的更改：%n 项。</numerusform>
        </translation>
    </message>
    <message>
        <source>  %1 %2: %3</source>
        <translation>  %1 %2：%3</translation>
    </message>
    <message>
        <source>Courseware uploads: %1 done, %2 waiting, %3 need attention.</source>
        <translation>课件上传：%1 个已完成，%2 个等待中，%3 个需要处理。</translation>
    </message>
    <message>
        <source>sync takes no file or name; see --help.</source>
        <translation>sync 命令不接受文件或名称参数，请参阅 --help。</translation>
    </message>
    <message>
        <source>Give --server and --account together, or neither to use the saved sign-in.</source>
        <translation>请同时给出 --server 和 --account，或都不给出以使用已保存的登录。</translation>
    </message>
    <message>
        <source>No password: set CLASSDESK_PASSWORD or run classdesk-cli in a terminal.</source>
        <translation>缺少密码：请设置 CLASSDESK_PASSWORD，或在终端中运行 classdesk-cli。</translation>
    </message>
    <message>
        <source>The platform no longer accepts the saved sign-in. Sign in again with --server and --account.</source>
        <translation>平台不再接受已保存的登录。请使用 --server 和 --account 重新登录。</translation>
    </message>
    <message>
        <source>This data folder has no saved sign-in. Sign in once with --server and --account.</source>
        <translation>此数据文件夹没有已保存的登录。请先使用 --server 和 --account 登录一次。</translation>
    </message>
    <message>
        <source>The platform asks for a one-time code: set CLASSDESK_OTP or run classdesk-cli in a terminal.</source>
        <translation>平台要求输入一次性验证码：请设置 CLASSDESK_OTP，或在终端中运行 classdesk-cli。</translation>
    </message>
    <message numerus="yes">
        <source>The sync did not finish within %n minute(s).</source>
        <translation>
            <numerusform>同步未能在 %n 分钟内完成。</numerusform>
        </translation>
    </message>
    <message>
        <source>marked while this computer&apos;s clock was wrong; confirm it on the Attendance page</source>
        <translation>记录时本机时钟不正确，请在“考勤”页面中确认</translation>
    </message>
    <message>
        <source>Folder of the local database (default: the app&apos;s data folder).</source>
        <translation>本地数据库所在的文件夹（默认：应用的数据文件夹）。</translation>
    </message>
    <message>
        <source>Class name, e.g. 高一(3)班.</source>
        <translation>班级名称，例如 高一(3)班。</translation>
    </message>
    <message>
        <source>Text encoding of a CSV/TSV file: UTF-8, UTF-16LE, UTF-16BE or GB18030 (default: detected).</source>
        <translation>CSV/TSV 文件的文字编码：UTF-8、UTF-16LE、UTF-16BE 或 GB18030（默认：自动识别）。</translation>
    </message>
    <message>
        <source>Sheet of an XLSX/ODS file (default: the first).</source>
        <translation>XLSX/ODS 文件中的工作表（默认：第一个）。</translation>
    </message>
    <message>
        <source>Show the preview; change nothing.</source>
        <translation>只显示预览，不做任何更改。</translation>
    </message>
    <message>
        <source>Import the rows without problems even when other rows have some.</source>
        <translation>即使其他行有问题，也导入没有问题的行。</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>输出一个 JSON 对象。</translation>
    </message>
    <message>
        <source>First day, YYYY-MM-DD.</source>
        <translation>第一天，格式 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Last day, YYYY-MM-DD.</source>
        <translation>最后一天，格式 YYYY-MM-DD。</translation>
    </message>
    <message>
        <source>Export format: xlsx or csv (default: from the file name).</source>
        <translation>导出格式：xlsx 或 csv（默认：按文件名判断）。</translation>
    </message>
    <message>
        <source>File to write.</source>
        <translation>要写入的文件。</translation>
    </message>
    <message>
        <source>Account for signing in.</source>
        <translation>登录用的账号。</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>ClassDesk command line.</source>
        <translation>课堂助手命令行工具。</translation>
    </message>
    <message>
        <source>Give a command: %1. See --help.</source>
        <translation>请给出命令：%1。详见 --help。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. The commands are: %2. See --help.</source>
        <translation>未知命令“%1”。可用的命令有：%2。详见 --help。</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <source>Give the class with --class NAME to import every student into it.</source>
        <translation>用 --class 班级名 指定班级，可以把所有学生都导入该班级。</translation>
    </message>
    <message>
        <source>The system keychain is not available, so no saved sign-in can be read and none can be kept. Start the keychain (on Linux gnome-keyring or KWallet, in the desktop session that runs this command), then sign in with --server and --account.</source>
        <translation>系统钥匙串不可用，因此无法读取已保存的登录，也无法保存新的登录。请先启动钥匙串（Linux 上为运行此命令的桌面会话中的 gnome-keyring 或 KWallet），然后用 --server 和 --account 登录。</translation>
    </message>
    <message>
        <source>The ClassDesk app tries again by itself, but classdesk-cli does not. The changes not sent stay saved in this data folder; run classdesk-cli sync again later.</source>
        <translation>课堂助手应用会自动重试，但 classdesk-cli 不会。尚未发送的更改仍保存在此数据文件夹中，请稍后再次运行 classdesk-cli sync。</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Platform address for signing in, e.g. school.edu.cn. Without a scheme it means https://; http:// is accepted only for this computer, e.g. http://127.0.0.1:8080.</source>
        <translation>登录用的平台地址，例如 school.edu.cn。不写协议时按 https:// 处理；http:// 只能用于本机，例如 http://127.0.0.1:8080。</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>  roster import FILE [--class NAME] [--encoding NAME] [--sheet NAME]
                     [--dry-run] [--skip-problem-rows] [--json]</source>
        <extracomment>Syntax: translate only the placeholders in capitals and keep the alignment.</extracomment>
        <translation>  roster import 文件 [--class 班级] [--encoding 编码] [--sheet 工作表]
                     [--dry-run] [--skip-problem-rows] [--json]</translation>
    </message>
    <message>
        <source>Reads a roster (CSV, TSV, XLSX or ODS), prints the students found and
the problems per row, and imports them unless --dry-run is given or the
file has problems (warnings do not stop it). Students are matched by
student number, so importing the same file again changes nothing.
Without --class, each row goes to the class in its class column (班级),
and a row without one is a problem.
--json prints one object: ok, encoding (empty for XLSX and ODS), rows
(student_number, name, gender, class: the class the row goes into,
notes), problems (row, column, code, severity, message), applied (true
or false) and imported (created, updated, unchanged; all 0 unless
applied).</source>
        <translation>读取花名册（CSV、TSV、XLSX 或 ODS），列出找到的学生和每一行的问题，
除非给出 --dry-run 或文件有问题（警告不影响导入），否则导入这些学生。
学生按学号匹配，因此重复导入同一文件不会有任何变化。
不加 --class 时，每一行进入其“班级”列中的班级，没有班级的行算作问题。
--json 输出一个对象：ok、encoding（XLSX 和 ODS 文件为空）、rows
（student_number、name、gender、class：该行将导入的班级、notes）、
problems（row、column、code、severity、message）、applied（true 或
false）和 imported（created、updated、unchanged；未导入时都为 0）。</translation>
    </message>
    <message>
        <source>  roster export --class NAME [--format xlsx|csv] -o FILE [--json]</source>
        <extracomment>Syntax: translate only the placeholders in capitals.</extracomment>
        <translation>  roster export --class 班级 [--format xlsx|csv] -o 文件 [--json]</translation>
    </message>
    <message>
        <source>  attendance export --class NAME --from DATE --to DATE [--format xlsx|csv] -o FILE [--json]</source>
        <extracomment>Syntax: translate only the placeholders in capitals.</extracomment>
        <translation>  attendance export --class 班级 --from 日期 --to 日期 [--format xlsx|csv] -o 文件 [--json]</translation>
    </message>
    <message>
        <source>  sync [--server ADDRESS --account NAME] [--json]</source>
        <extracomment>Syntax: translate only the placeholders in capitals.</extracomment>
        <translation>  sync [--server 地址 --account 账号] [--json]</translation>
    </message>
    <message>
        <source>Runs one sync of the data folder with its platform and prints what was
pulled, pushed, the new conflicts, the changes the platform rejected
(with the reason) and the courseware uploads. It uses the sign-in saved
in the system keychain; --server and --account sign in first, with the
password from the CLASSDESK_PASSWORD environment variable or typed at
the terminal (a one-time code likewise from CLASSDESK_OTP). When no
keychain can keep that sign-in, the sync still runs and a warning says
so; --json reports it as sign_in_saved false and in warnings.</source>
        <translation>将数据文件夹与其平台同步一次，并列出拉取和推送的更改、新冲突、
平台拒绝的更改（附原因）以及课件上传情况。它使用系统钥匙串中保存的登录；
给出 --server 和 --account 时先登录，密码取自环境变量 CLASSDESK_PASSWORD
或在终端中输入（一次性验证码同样取自 CLASSDESK_OTP）。没有钥匙串可以
保存这次登录时，同步照常进行，并给出警告；--json 中为 sign_in_saved
false，警告列在 warnings 中。</translation>
    </message>
    <message>
        <source>Every error message ends with its error code. With --json every outcome,
argument errors included, is one JSON object on standard output, with
ok (true or false) and, after a failure, error (code, message).</source>
        <translation>每条错误信息都以错误代码结尾。给出 --json 时，每种结果（包括参数错误）
都在标准输出上输出一个 JSON 对象，包含 ok（true 或 false），失败时
还有 error（code、message）。</translation>
    </message>
    <message>
        <source>Exit status: 0 applied, exported, previewed or synced without problems
(warnings allowed, and a sign-in that could not be saved); 1 the input
has problems or the work failed (sync: retry later, e.g. the platform is
unreachable or busy); 2 unusable arguments, an unknown command or a
server address that does not work (e.g. no HTTPS there); 3 sync needs a
sign-in (none saved, the platform refused it, or no system keychain to
read it); 4 synced, but changes wait for the teacher&apos;s decision.</source>
        <translation>退出状态：0 表示已导入、导出、预览或同步且没有问题（可以有警告，
包括登录没能保存）；1 表示输入有问题或操作失败（同步：稍后重试，例如
连不上平台或平台繁忙）；2 表示参数不可用、命令未知，或服务器地址不可用
（例如那里没有 HTTPS）；3 表示同步需要登录（没有保存的登录、平台不再
接受登录，或者没有系统钥匙串可以读取登录）；4 表示已同步，但有更改
等待教师决定。</translation>
    </message>
    <message>
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>One of: %1.</source>
        <translation>以下之一：%1。</translation>
    </message>
    <message>
        <source>command [arguments]</source>
        <translation>命令 [参数]</translation>
    </message>
    <message>
        <source>The sign-in was not saved, because the system keychain is not available, so the next classdesk-cli sync needs --server and --account again. Start the keychain (on Linux gnome-keyring or KWallet, in the desktop session that runs this command) to keep the sign-in.</source>
        <translation>系统钥匙串不可用，所以这次登录没有保存，下一次运行 classdesk-cli sync 时仍需给出 --server 和 --account。要保存登录，请启动钥匙串（Linux 上为 gnome-keyring 或 KWallet，并在运行此命令的桌面会话中启动）。</translation>
    </message>
    <message>
        <source>The sign-in could not be saved in the system keychain, so the next classdesk-cli sync needs --server and --account again.</source>
        <translation>这次登录没能保存到系统钥匙串中，所以下一次运行 classdesk-cli sync 时仍需给出 --server 和 --account。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewareFileStore</name>
    <message>
        <source>The disk is full, so %1 was not imported. Free some disk space and import it again.</source>
        <translation>磁盘已满，%1 未能导入。请释放一些磁盘空间后重新导入。</translation>
    </message>
    <message>
        <source>The courseware folder %1 cannot be written. Check that the data folder is writable, or choose another one in Settings.</source>
        <translation>无法写入课件文件夹 %1。请检查数据文件夹是否可写，或在“设置”中选择其他文件夹。</translation>
    </message>
    <message>
        <source>Saving the copy of %1 failed: %2. Check the data folder&apos;s disk and import the file again.</source>
        <translation>保存 %1 的副本失败：%2。请检查数据文件夹所在的磁盘，然后重新导入该文件。</translation>
    </message>
    <message>
        <source>The file %1 was not found. It may have been moved or deleted; choose it again.</source>
        <translation>找不到文件 %1。它可能已被移动或删除，请重新选择。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read. Check that it is a file and that you may open it.</source>
        <translation>无法读取文件 %1。请检查它是否为文件，以及您是否有权限打开它。</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2. If the file is on a removable drive, check that the drive is still connected.</source>
        <translation>读取 %1 失败：%2。如果文件在移动存储设备上，请检查设备是否仍然连接。</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>导入已取消。</translation>
    </message>
    <message>
        <source>The file %1 was moved, deleted or changed while it was being imported, so it was not imported. Import it again.</source>
        <translation>文件 %1 在导入过程中被移动、删除或修改，因此未导入。请重新导入。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewareModel</name>
    <message>
        <source>--:--</source>
        <comment>duration not known yet</comment>
        <translation>--:--</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>幻灯片</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewarePage</name>
    <message>
        <source>Search titles and tags</source>
        <translation>搜索标题和标签</translation>
    </message>
    <message>
        <source>Search courseware</source>
        <translation>搜索课件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>All Types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Import &amp;Files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Import F&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Courseware library</source>
        <translation>课件库</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Drop files or folders onto the library to import them.</source>
        <translation>将文件或文件夹拖放到课件库即可导入。</translation>
    </message>
    <message>
        <source>An import is still running. Wait for it to finish, then import these files.</source>
        <translation>仍有导入正在进行。请等它完成后再导入这些文件。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n file(s).</source>
        <translation>
            <numerusform>已导入 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was cancelled; the files after it were not imported.</source>
        <translation>导入已取消，之后的文件未导入。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%n 个文件无法导入：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more.</source>
        <translation>
            <numerusform>另有 %n 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Courseware</source>
        <translation>导入课件</translation>
    </message>
    <message>
        <source>Import a Folder of Courseware</source>
        <translation>导入课件文件夹</translation>
    </message>
    <message>
        <source>Delete Courseware</source>
        <translation>删除课件</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from the library? Lessons that use it will no longer show it.</source>
        <translation>要从课件库中删除“%1”吗？使用它的课程将不再显示它。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewarePickerDialog</name>
    <message>
        <source>Choose courseware</source>
        <translation>选择课件</translation>
    </message>
    <message>
        <source>Search by title</source>
        <translation>按标题搜索</translation>
    </message>
    <message>
        <source>Search courseware</source>
        <translation>搜索课件</translation>
    </message>
    <message>
        <source>Courseware in the library</source>
        <translation>课件库中的课件</translation>
    </message>
    <message>
        <source>The library is empty. Import files on the Courseware page first.</source>
        <translation>课件库是空的。请先在“课件”页面导入文件。</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewarePreview</name>
    <message>
        <source>Knowledge points, separated by commas</source>
        <translation>知识点，用逗号分隔</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Open in System Application</source>
        <translation>用系统应用打开</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标签(&amp;T)：</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Playback position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Chapter marks</source>
        <translation>章节标记</translation>
    </message>
    <message>
        <source>Chapter title</source>
        <translation>章节标题</translation>
    </message>
    <message>
        <source>Add &amp;Chapter Mark</source>
        <translation>添加章节标记(&amp;C)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Fit Width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit Page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>页码：</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>No courseware chosen</source>
        <translation>未选择课件</translation>
    </message>
    <message>
        <source>Choose an item in the library to preview it, or drop files here to import them.</source>
        <translation>在课件库中选择一项即可预览，或将文件拖放到这里导入。</translation>
    </message>
    <message>
        <source>The stored copy of this file is missing from the data folder. Import the file again.</source>
        <translation>数据文件夹中缺少此文件的存储副本。请重新导入该文件。</translation>
    </message>
    <message>
        <source>no media back end is installed</source>
        <translation>未安装媒体后端</translation>
    </message>
    <message>
        <source>Open in System Player</source>
        <translation>用系统播放器打开</translation>
    </message>
    <message>
        <source>This file cannot be played here (%1). You can still open it in the system&apos;s player; everything else in the library works as usual.</source>
        <translation>此文件无法在这里播放（%1）。您仍可以用系统播放器打开它；课件库的其他功能照常可用。</translation>
    </message>
    <message>
        <source>the format is not supported</source>
        <translation>不支持该格式</translation>
    </message>
    <message>
        <source>The PDF file cannot be opened. It may be damaged or protected by a password.</source>
        <translation>无法打开该 PDF 文件。它可能已损坏或受密码保护。</translation>
    </message>
    <message>
        <source>The image cannot be shown: %1.</source>
        <translation>无法显示该图片：%1。</translation>
    </message>
    <message>
        <source>There is no preview for this file. Double-click here or use the button below to open it in its application.</source>
        <translation>此文件没有预览。双击此处或使用下方按钮，用对应的应用打开它。</translation>
    </message>
    <message>
        <source>Double-click to open the file in its application.</source>
        <translation>双击可用对应的应用打开文件。</translation>
    </message>
    <message numerus="yes">
        <source>This video runs %1, longer than %n minute(s). Short lessons with chapter marks keep students watching: split the video or add chapter marks.</source>
        <translation>
            <numerusform>此视频时长 %1，超过 %n 分钟。简短并带有章节标记的内容更能吸引学生观看：请拆分视频或添加章节标记。</numerusform>
        </translation>
    </message>
    <message>
        <source>duration loading…</source>
        <translation>正在读取时长…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Chapter %1</source>
        <translation>第 %1 章</translation>
    </message>
    <message>
        <source>The file cannot be prepared for opening in %1. Check the free space of the temporary folder.</source>
        <translation>无法在 %1 中准备要打开的文件。请检查临时文件夹的剩余空间。</translation>
    </message>
    <message>
        <source>No application on this computer opens this kind of file.</source>
        <translation>这台电脑上没有能打开此类文件的应用。</translation>
    </message>
    <message>
        <source>Click a chapter mark to jump to it.</source>
        <translation>单击章节标记即可跳转到该处。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::CoursewareProbe</name>
    <message>
        <source>The PDF file cannot be opened. It may be damaged or protected by a password.</source>
        <translation>无法打开该 PDF 文件。它可能已损坏或受密码保护。</translation>
    </message>
    <message>
        <source>Audio and video cannot be played on this computer because no media back end is installed.</source>
        <translation>这台电脑未安装媒体后端，因此无法播放音频和视频。</translation>
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
    <message>
        <source>the folder could not be created</source>
        <translation>无法创建该文件夹</translation>
    </message>
</context>
<context>
    <name>ClassDesk::DatabaseHealth</name>
    <message>
        <source>The backup could not be restored to %1 (%2). Check that the folder is writable and has free space, then start ClassDesk again.</source>
        <translation>无法将备份恢复到 %1（%2）。请检查该文件夹是否可写且有剩余空间，然后重新启动课堂助手。</translation>
    </message>
    <message>
        <source>the backup %1 is damaged too</source>
        <translation>备份 %1 也已损坏</translation>
    </message>
    <message>
        <source>%1 could not be renamed</source>
        <translation>无法重命名 %1</translation>
    </message>
    <message>
        <source>the copy failed</source>
        <translation>复制失败</translation>
    </message>
</context>
<context>
    <name>ClassDesk::DatabaseRecoveryDialog</name>
    <message>
        <source>The local database needs repair</source>
        <translation>本地数据库需要修复</translation>
    </message>
    <message>
        <source>The local database %1 is missing.</source>
        <translation>找不到本地数据库 %1。</translation>
    </message>
    <message>
        <source>The local database %1 is damaged (%2).</source>
        <translation>本地数据库 %1 已损坏（%2）。</translation>
    </message>
    <message>
        <source>No automatic backup exists. Copy the file somewhere safe and ask your school&apos;s administrator for help; ClassDesk does not start with an empty database.</source>
        <translation>没有自动备份。请把该文件复制到安全的位置，并向学校管理员求助；课堂助手不会用空数据库启动。</translation>
    </message>
    <message>
        <source>ClassDesk can restore the automatic backup from %1. Work saved after that time is lost unless it was synced to the platform. The damaged file is kept beside the database.</source>
        <translation>课堂助手可以恢复 %1 的自动备份。在此之后保存的内容，如果尚未同步到平台，将会丢失。损坏的文件会保留在数据库旁边。</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Quit ClassDesk</source>
        <translation>退出课堂助手</translation>
    </message>
</context>
<context>
    <name>ClassDesk::Error</name>
    <message>
        <source>%1 (error code: %2)</source>
        <translation>%1（错误代码：%2）</translation>
    </message>
</context>
<context>
    <name>ClassDesk::ExportFile</name>
    <message>
        <source>The folder %1 does not exist. Create it or choose another folder, then export again.</source>
        <translation>文件夹 %1 不存在。请创建该文件夹或选择其他文件夹，然后重新导出。</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder to save %2 in, then export again.</source>
        <translation>%1 是文件，不是文件夹。请选择一个用来保存 %2 的文件夹，然后重新导出。</translation>
    </message>
    <message>
        <source>%1 is a folder. Give the export a file name, e.g. %2, then export again.</source>
        <translation>%1 是文件夹。请为导出的文件指定文件名，例如 %2，然后重新导出。</translation>
    </message>
    <message>
        <source>ClassDesk may not write into the folder %1 (%2). Choose another folder, such as Documents, or ask the computer&apos;s administrator for write access, then export again.</source>
        <translation>课堂助手无权写入文件夹 %1（%2）。请选择其他文件夹（例如“文档”），或请电脑管理员开放写入权限，然后重新导出。</translation>
    </message>
    <message>
        <source>Could not save %1 (%2). Check that the file is not open in another program, then export again.</source>
        <translation>无法保存 %1（%2）。请确认该文件没有在其他程序中打开，然后重新导出。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::HeldMarksBanner</name>
    <message>
        <source>present</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>on leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>&amp;Confirm and send</source>
        <translation>确认并发送(&amp;C)</translation>
    </message>
    <message>
        <source>Attendance marks taken under a wrong clock</source>
        <translation>在错误时钟下记录的考勤</translation>
    </message>
    <message>
        <source>The marks keep their status and are sent with the current time; the time the clock showed stays in each mark&apos;s history.</source>
        <translation>这些考勤记录保留原状态，并以当前时间发送；时钟当时显示的时间保留在每条记录的历史中。</translation>
    </message>
    <message numerus="yes">
        <source>%n attendance mark(s) were taken while this computer&apos;s clock was wrong, so they have not been sent. Check them; if they are right, confirm them.</source>
        <translation>
            <numerusform>有 %n 条考勤记录是在本机时钟不正确时记录的，因此尚未发送。请检查，如无误请确认。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, period %2: %3 %4 (the clock showed %5)</source>
        <translation>%1 第 %2 节：%3 %4（时钟当时显示 %5）</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::LessonPublisher</name>
    <message>
        <source>Part of the lesson has already been sent, so the publish can no longer be undone. Change the items one by one instead.</source>
        <translation>这节课的部分内容已经发送，无法再撤销发布。请逐项修改。</translation>
    </message>
    <message>
        <source>The lesson&apos;s assignment has no title. Give it a title, then publish the lesson again.</source>
        <translation>这节课的作业没有标题。请填写标题后再发布这节课。</translation>
    </message>
    <message>
        <source>Attendance has already been taken in this lesson, so the publish can no longer be undone.</source>
        <translation>这节课已经开始考勤，无法再撤销发布。</translation>
    </message>
    <message>
        <source>The lesson&apos;s assignment has no class to go to. Choose its classes under Assignments, then publish the lesson again.</source>
        <translation>这节课的作业还没有选择班级。请在“作业”中选择班级后再发布这节课。</translation>
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
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Courseware</source>
        <translation>课件</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>作业</translation>
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
    <message>
        <source>&amp;Import roster…</source>
        <translation>导入花名册(&amp;I)…</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>同步状态</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n change(s) waiting</source>
        <translation>
            <numerusform>%1 · %n 项更改待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome to ClassDesk</source>
        <translation>欢迎使用课堂助手</translation>
    </message>
    <message>
        <source>How would you like to start?</source>
        <translation>您想怎样开始？</translation>
    </message>
    <message>
        <source>You can work offline now and sign in to your school&apos;s platform later; nothing you enter is lost either way.</source>
        <translation>您可以先离线使用，以后再登录学校平台；无论哪种方式，录入的内容都不会丢失。</translation>
    </message>
    <message>
        <source>Use with my school&apos;s platform</source>
        <translation>连接我学校的平台</translation>
    </message>
    <message>
        <source>Use offline for now (import a roster)</source>
        <translation>先离线使用（导入花名册）</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 项更改等待发送</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::OdsPackage</name>
    <message>
        <source>content.xml has the invalid repeat count &quot;%1&quot;</source>
        <translation>content.xml 中的重复次数“%1”无效</translation>
    </message>
    <message>
        <source>The workbook repeats its cells into more than %1 filled cells, far more than a roster needs. Save the roster as CSV and import that file.</source>
        <translation>该工作簿的单元格重复展开后超过 %1 个有内容的单元格，远超名单所需。请将名单另存为 CSV 后导入该文件。</translation>
    </message>
    <message>
        <source>the part content.xml is missing</source>
        <translation>缺少 content.xml 部件</translation>
    </message>
    <message>
        <source>it could not be rewritten for reading</source>
        <translation>无法将其重写以供读取</translation>
    </message>
</context>
<context>
    <name>ClassDesk::OoxmlPackage</name>
    <message>
        <source>the workbook part %1 is missing</source>
        <translation>缺少工作簿部件 %1</translation>
    </message>
    <message>
        <source>the part of sheet &quot;%1&quot; is missing</source>
        <translation>缺少工作表“%1”的部件</translation>
    </message>
    <message>
        <source>two sheets are named &quot;%1&quot;</source>
        <translation>有两个工作表都名为“%1”</translation>
    </message>
    <message>
        <source>the workbook lists no worksheet</source>
        <translation>工作簿中没有列出任何工作表</translation>
    </message>
    <message>
        <source>the shared string part %1 is missing</source>
        <translation>缺少共享字符串部件 %1</translation>
    </message>
    <message>
        <source>it could not be rewritten for reading</source>
        <translation>无法将其重写以供读取</translation>
    </message>
    <message>
        <source>cell %1 of sheet &quot;%2&quot; refers to shared string &quot;%3&quot;, but the workbook has only %4</source>
        <translation>工作表“%2”的单元格 %1 引用了共享字符串“%3”，但工作簿中只有 %4 个</translation>
    </message>
    <message>
        <source>cell %1 of sheet &quot;%2&quot; holds &quot;%3&quot;, which is not a true/false value</source>
        <translation>工作表“%2”的单元格 %1 的内容“%3”不是逻辑值（真/假）</translation>
    </message>
    <message>
        <source>cell %1 of sheet &quot;%2&quot; holds &quot;%3&quot;, which is not a number</source>
        <translation>工作表“%2”的单元格 %1 的内容“%3”不是数字</translation>
    </message>
    <message>
        <source>cell %1 of sheet &quot;%2&quot; has the unknown type &quot;%3&quot;</source>
        <translation>工作表“%2”的单元格 %1 的类型“%3”未知</translation>
    </message>
    <message>
        <source>sheet &quot;%1&quot; has the invalid cell reference &quot;%2&quot; in row %3</source>
        <translation>工作表“%1”第 %3 行有无效的单元格引用“%2”</translation>
    </message>
    <message>
        <source>sheet &quot;%1&quot; has more columns than a sheet can hold</source>
        <translation>工作表“%1”的列数超过了工作表所能容纳的数量</translation>
    </message>
    <message>
        <source>cell %1 of sheet &quot;%2&quot; uses cell format &quot;%3&quot;, but the workbook defines only %4</source>
        <translation>工作表“%2”的单元格 %1 使用了单元格格式“%3”，但工作簿中只定义了 %4 个</translation>
    </message>
    <message>
        <source>sheet &quot;%1&quot; has the invalid row number &quot;%2&quot;</source>
        <translation>工作表“%1”的行号“%2”无效</translation>
    </message>
    <message>
        <source>part %1 has the invalid number format &quot;%2&quot;</source>
        <translation>部件 %1 中的数字格式“%2”无效</translation>
    </message>
    <message>
        <source>sheet &quot;%1&quot; has a row inside a row</source>
        <translation>工作表“%1”中有嵌套在行内的行</translation>
    </message>
    <message>
        <source>sheet &quot;%1&quot; is not valid XML (line %2: %3)</source>
        <translation>工作表“%1”不是有效的 XML（第 %2 行：%3）</translation>
    </message>
    <message>
        <source>Sheet &quot;%1&quot; uses %2 rows and %3 columns, far more than a roster needs. Delete the unused cells, or save the roster as CSV, and import that file.</source>
        <translation>工作表“%1”用到了 %2 行 %3 列，远超名单所需。请删除不用的单元格，或将名单另存为 CSV，然后导入该文件。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::OrcusSpreadsheetReader</name>
    <message>
        <source>The workbook has no sheet number %1.</source>
        <translation>工作簿中没有第 %1 个工作表。</translation>
    </message>
    <message>
        <source>the file is damaged or is not a spreadsheet</source>
        <translation>文件已损坏，或不是电子表格文件</translation>
    </message>
    <message>
        <source>The workbook is damaged and cannot be read (%1). Open it in Excel, WPS or LibreOffice and save it again, or save it as CSV, then import the saved file.</source>
        <translation>该工作簿已损坏，无法读取（%1）。请在 Excel、WPS 或 LibreOffice 中打开并重新保存，或另存为 CSV，然后导入保存后的文件。</translation>
    </message>
    <message>
        <source>Sheet &quot;%1&quot; uses %2 rows and %3 columns, far more than a roster needs. Delete the unused cells, or save the roster as CSV, and import that file.</source>
        <translation>工作表“%1”用到了 %2 行 %3 列，远超名单所需。请删除不用的单元格，或将名单另存为 CSV，然后导入该文件。</translation>
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
    <name>ClassDesk::RosterImportDialog</name>
    <message>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <source>The start of the file in the chosen encoding</source>
        <translation>按所选编码显示的文件开头</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>For example 高一(3)班</source>
        <translation>例如 高一(3)班</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>Import into &amp;class:</source>
        <translation>导入到班级(&amp;C)：</translation>
    </message>
    <message>
        <source>Students found in the file</source>
        <translation>文件中找到的学生</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
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
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Other columns</source>
        <translation>其他列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose a roster file</source>
        <translation>选择花名册文件</translation>
    </message>
    <message>
        <source>Rosters (*.csv *.tsv *.txt *.xlsx *.xlsm *.ods);;All files (*)</source>
        <translation>花名册 (*.csv *.tsv *.txt *.xlsx *.xlsm *.ods);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>The class in each row&apos;s class column</source>
        <translation>按文件中每行的班级列</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems and are marked in red. They are left out unless you fix the file and choose it again.</source>
        <translation>
            <numerusform>有 %n 行存在问题，已用红色标出。除非修改文件后重新选择，否则这些行不会导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n student(s) found. Nothing is saved until you import.</source>
        <translation>
            <numerusform>找到 %n 名学生。点击导入之前不会保存任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n student(s)</source>
        <translation>
            <numerusform>导入 %n 名学生</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n student(s) without problems</source>
        <translation>
            <numerusform>导入没有问题的 %n 名学生</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated, %3 unchanged.</source>
        <translation>已导入：新增 %1 名，更新 %2 名，未变 %3 名。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Choose a roster file to import.</source>
        <translation>请选择要导入的花名册文件。</translation>
    </message>
    <message>
        <source>Wait until the file has been read.</source>
        <translation>请等待文件读取完成。</translation>
    </message>
    <message>
        <source>This file has been imported. Choose another file to import more students.</source>
        <translation>这个文件已经导入。要导入更多学生，请选择另一个文件。</translation>
    </message>
    <message>
        <source>The file could not be read; the message above says why.</source>
        <translation>文件无法读取，原因见上方的提示。</translation>
    </message>
    <message>
        <source>The text is unreadable in this encoding. Choose the encoding in which it reads right.</source>
        <translation>在当前编码下文字无法读懂。请选择文字显示正常的编码。</translation>
    </message>
    <message>
        <source>Choose the class to import the students into.</source>
        <translation>请选择要把学生导入哪个班级。</translation>
    </message>
    <message>
        <source>The file cannot be imported as it is; the message above says why.</source>
        <translation>这个文件目前无法导入，原因见上方的提示。</translation>
    </message>
    <message>
        <source>Every row has a problem. Fix the file and choose it again.</source>
        <translation>每一行都有问题。请修改文件后重新选择。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have warnings and are marked in yellow. These students are imported too.</source>
        <translation>
            <numerusform>%n 行有警告，已用黄色标出。这些学生也会被导入。</numerusform>
        </translation>
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
    <message>
        <source>%1 is an older Office file (Excel 97-2003 .xls, WPS .et or Word .doc), which ClassDesk cannot read. Open it in Excel or WPS, save it as &quot;Excel Workbook (*.xlsx)&quot; or &quot;CSV UTF-8&quot;, and import the saved file.</source>
        <translation>%1 是旧版 Office 文件（Excel 97-2003 的 .xls、WPS 的 .et 或 Word 的 .doc），课堂助手无法读取。请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”或“CSV UTF-8”，然后导入另存的文件。</translation>
    </message>
    <message>
        <source>%1 is not a table of students: it is a PDF document, a picture or a compressed archive. Export the roster from the school system, Excel or WPS as .xlsx or CSV and import that file.</source>
        <translation>%1 不是学生表格，而是 PDF 文档、图片或压缩包。请从学校系统、Excel 或 WPS 把花名册导出为 .xlsx 或 CSV，然后导入该文件。</translation>
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
    <message>
        <source>The file has no class column (班级 or Class), and no class was chosen for the import. Choose the class to import the students into.</source>
        <translation>文件中没有班级列（班级或 Class），导入时也没有选择班级。请选择要把学生导入哪个班级。</translation>
    </message>
    <message>
        <source>Row %1: the class is missing in column &quot;%2&quot;. Enter the class, or choose one class for all students.</source>
        <translation>第 %1 行：“%2”列中缺少班级。请填写班级，或为所有学生选择同一个班级。</translation>
    </message>
    <message>
        <source>The file is empty. Check that you chose the right file; a roster open in a spreadsheet program must be saved there before it is imported.</source>
        <translation>文件是空的。请确认选择了正确的文件；如果花名册正在表格程序中打开，请先在那里保存再导入。</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; is empty. Choose the sheet that lists the students.</source>
        <translation>工作表“%1”是空的。请选择列有学生的工作表。</translation>
    </message>
    <message>
        <source>Row %1 is a header row, but no student rows follow it. Add the students below the header, or check that you chose the right file and sheet.</source>
        <translation>第 %1 行是表头，但下面没有学生。请在表头下面填写学生，或确认选择了正确的文件和工作表。</translation>
    </message>
    <message>
        <source>Row %1: &quot;%2&quot; in column &quot;%3&quot; is not a gender ClassDesk knows (男 or 女, 男性 or 女性, 男生 or 女生, M or F, male or female, boy or girl). The student is imported without it; correct the cell and import the file again to set the gender.</source>
        <translation>第 %1 行：“%3”列中的“%2”不是可识别的性别（男或女、男性或女性、男生或女生、M 或 F、male 或 female、boy 或 girl）。该学生会在没有性别的情况下导入；请更正该单元格后重新导入文件以设置性别。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::RosterPreviewJob</name>
    <message>
        <source>Reading %1 took too long and was stopped. Check that it is a roster file, or save it as CSV and try again.</source>
        <translation>读取 %1 用时过长，已停止。请检查它是否为花名册文件，或另存为 CSV 后重试。</translation>
    </message>
    <message>
        <source>ClassDesk could not start its file reader (%1). Reinstall ClassDesk and try again.</source>
        <translation>课堂助手无法启动文件读取程序（%1）。请重新安装课堂助手后重试。</translation>
    </message>
    <message>
        <source>The file reader stopped on %1, which is probably damaged. Open it in Excel or WPS, save it again (or as CSV), and import that file.</source>
        <translation>读取 %1 时文件读取程序意外停止，该文件可能已损坏。请用 Excel 或 WPS 打开后重新保存（或另存为 CSV），再导入新文件。</translation>
    </message>
    <message>
        <source>%1 could not be read (%2). Check that it is a CSV, XLSX or ODS roster file.</source>
        <translation>无法读取 %1（%2）。请检查它是否为 CSV、XLSX 或 ODS 格式的花名册文件。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::RosterStore</name>
    <message>
        <source>Row %1 names no class. Choose the class to import the students into.</source>
        <translation>第 %1 行没有班级。请选择要把学生导入到哪个班级。</translation>
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
    <message>
        <source>Start uploads only after</source>
        <translation>仅在此时间之后开始上传</translation>
    </message>
    <message>
        <source>Upload start time</source>
        <translation>上传开始时间</translation>
    </message>
    <message>
        <source>Each day, uploads wait until this time. An upload already running goes on.</source>
        <translation>每天到此时间后才开始上传；正在进行的上传不受影响。</translation>
    </message>
    <message>
        <source>Upload time:</source>
        <translation>上传时间：</translation>
    </message>
    <message>
        <source>System setting</source>
        <translation>使用系统设置</translation>
    </message>
    <message>
        <source>Only when your school&apos;s network needs one, e.g. http://10.0.0.1:3128.</source>
        <translation>只在学校网络需要时填写，例如 http://10.0.0.1:3128。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the school&apos;s certificate file</source>
        <translation>选择学校的证书文件</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the school&apos;s certificate file</source>
        <translation>移除学校的证书文件</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>代理(&amp;P)：</translation>
    </message>
    <message>
        <source>School certificate:</source>
        <translation>学校证书：</translation>
    </message>
    <message>
        <source>School Certificate</source>
        <translation>学校证书</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>None (the system&apos;s certificates only)</source>
        <translation>无（只使用系统的证书）</translation>
    </message>
</context>
<context>
    <name>ClassDesk::SignInDialog</name>
    <message>
        <source>Sign in to your school&apos;s platform</source>
        <translation>登录学校平台</translation>
    </message>
    <message>
        <source>For example platform.school.edu.cn</source>
        <translation>例如 platform.school.edu.cn</translation>
    </message>
    <message>
        <source>One-time &amp;code:</source>
        <translation>动态验证码(&amp;C)：</translation>
    </message>
    <message>
        <source>Platform &amp;address:</source>
        <translation>平台地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账号(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Your account uses two-step verification. Enter the 6-digit code from your authenticator app.</source>
        <translation>您的账号启用了两步验证。请输入验证器应用中的 6 位验证码。</translation>
    </message>
    <message>
        <source>Fill in the platform address, your account and your password.</source>
        <translation>请填写平台地址、账号和密码。</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>一次性验证码</translation>
    </message>
    <message>
        <source>No school platform answers at this address. Check the address, or ask your school&apos;s administrator for it.</source>
        <translation>此地址上没有学校平台应答。请检查地址，或向学校管理员询问正确的地址。</translation>
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
    <name>ClassDesk::StartupCheck</name>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>Local database damaged</source>
        <translation>本地数据库已损坏</translation>
    </message>
    <message>
        <source>A check found that the local database %1 is damaged. Quit and start ClassDesk again to restore the latest automatic backup.</source>
        <translation>检查发现本地数据库 %1 已损坏。请退出并重新启动课堂助手，以恢复最近的自动备份。</translation>
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
    <message numerus="yes">
        <source>%n attendance mark(s) were taken while this computer&apos;s clock was wrong. Check and confirm them on the Attendance page; until then they stay on this computer.</source>
        <translation>
            <numerusform>有 %n 条考勤记录是在本机时钟不正确时记录的。请在“考勤”页面中检查并确认；确认前它们只保存在本机。</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s date is %1, but the platform&apos;s is %2. Set the correct date and time, then sync again; attendance marks depend on it.</source>
        <translation>本机日期为 %1，而平台日期为 %2。请设置正确的日期和时间，然后重新同步；考勤记录依赖于此。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::SyncEntryLabels</name>
    <message>
        <source>, </source>
        <extracomment>Separates the student, the class and the day in a row of the Sync page.</extracomment>
        <translation>，</translation>
    </message>
    <message>
        <source>%1, period %2</source>
        <translation>%1 第%2节</translation>
    </message>
</context>
<context>
    <name>ClassDesk::SyncPage</name>
    <message>
        <source>Changes the platform did not accept</source>
        <translation>平台未接受的更改</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Waiting to be sent:</source>
        <translation>等待发送：</translation>
    </message>
    <message>
        <source>Last successful sync:</source>
        <translation>上次成功同步：</translation>
    </message>
    <message>
        <source>Conflicts:</source>
        <translation>冲突：</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 项更改</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未同步</translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n 项待处理</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课时</translation>
    </message>
    <message>
        <source>Courseware</source>
        <translation>课件</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>考勤表</translation>
    </message>
    <message>
        <source>Attendance mark</source>
        <translation>考勤记录</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1“%2”</translation>
    </message>
    <message>
        <source>Deleted on the platform, changed here.</source>
        <translation>平台上已删除，本机上已修改。</translation>
    </message>
    <message>
        <source>%1: mine “%2”, platform “%3”</source>
        <translation>%1：本机“%2”，平台“%3”</translation>
    </message>
    <message>
        <source>Changed here and on the platform.</source>
        <translation>本机和平台上都修改过。</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>同步进度</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>等待发送的更改</translation>
    </message>
    <message>
        <source>Recent syncs</source>
        <translation>最近的同步</translation>
    </message>
    <message>
        <source>Conflicts to review</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留本机版本</translation>
    </message>
    <message>
        <source>Send this computer&apos;s version; it replaces the platform&apos;s copy.</source>
        <translation>发送本机的版本，替换平台上的副本。</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用平台版本</translation>
    </message>
    <message>
        <source>Use the platform&apos;s copy and drop the change made here.</source>
        <translation>采用平台上的副本，放弃本机的更改。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>History</source>
        <translation>同步记录</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>未被接受</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <source>Not accepted (%1)</source>
        <translation>未被接受（%1）</translation>
    </message>
    <message>
        <source>%1: synced</source>
        <translation>%1：同步成功</translation>
    </message>
    <message>
        <source>%1: failed: %2</source>
        <translation>%1：失败：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n more change(s) not shown</source>
        <translation>
            <numerusform>另有 %n 项更改未列出</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more change(s) go out after the file uploads or earlier changes they wait for, or are being sent now</source>
        <translation>
            <numerusform>另有 %n 项更改：正在发送，或在等待文件上传或之前的更改完成后发出</numerusform>
        </translation>
    </message>
    <message>
        <source>Your sign-in could not be saved in the system keychain, so ClassDesk will ask you to sign in again after it restarts. Your work stays on this computer either way. On Linux, install and start GNOME Keyring or KWallet; elsewhere, restart the computer.</source>
        <translation>登录没有保存到系统钥匙串，课堂助手重新启动后会请您再次登录。您的数据仍保存在本机。Linux 上请安装并启动 GNOME Keyring 或 KWallet；其他系统请重新启动电脑。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::SyncStateText</name>
    <message>
        <source>Working offline (not signed in)</source>
        <translation>离线工作（未登录）</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Sign in again to sync</source>
        <translation>请重新登录以同步</translation>
    </message>
    <message>
        <source>Offline: changes are kept and sent later</source>
        <translation>离线：更改已保存，联网后发送</translation>
    </message>
    <message>
        <source>Syncing %1%</source>
        <translation>正在同步 %1%</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Sync needs attention</source>
        <translation>同步需要处理</translation>
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
    <name>ClassDesk::TodayLessonWidget</name>
    <message>
        <source>scheduled</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Period %1 · %2 · %3</source>
        <translation>第 %1 节 · %2 · %3</translation>
    </message>
    <message>
        <source>Courseware…</source>
        <translation>课件…</translation>
    </message>
    <message>
        <source>Choose courseware for %1</source>
        <translation>为 %1 选择课件</translation>
    </message>
    <message>
        <source>Add assignment</source>
        <translation>添加作业</translation>
    </message>
    <message>
        <source>Add an assignment to %1</source>
        <translation>为 %1 添加作业</translation>
    </message>
    <message>
        <source>Edit assignment</source>
        <translation>编辑作业</translation>
    </message>
    <message>
        <source>Edit the assignment of %1</source>
        <translation>编辑 %1 的作业</translation>
    </message>
    <message>
        <source>Publish lesson</source>
        <translation>一键发布</translation>
    </message>
    <message>
        <source>Publish %1</source>
        <translation>发布 %1</translation>
    </message>
    <message>
        <source>Queue the courseware for upload, publish the assignment and open attendance, all at once</source>
        <translation>一次完成：课件排队上传、发布作业、开启考勤</translation>
    </message>
    <message>
        <source>Courseware: none prepared</source>
        <translation>课件：尚未准备</translation>
    </message>
    <message>
        <source>Courseware: %1</source>
        <translation>课件：%1</translation>
    </message>
    <message numerus="yes">
        <source>(%n waiting for upload)</source>
        <translation>
            <numerusform>（%n 个待上传）</numerusform>
        </translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Assignment: none yet</source>
        <translation>作业：暂无</translation>
    </message>
    <message>
        <source>Assignment: %1</source>
        <translation>作业：%1</translation>
    </message>
    <message>
        <source>Attendance: not opened yet</source>
        <translation>考勤：尚未开始</translation>
    </message>
    <message>
        <source>Attendance: open, %1 of %2 students marked, %3 absent</source>
        <translation>考勤：已开始，%2 名学生中已记录 %1 名，缺勤 %3 名</translation>
    </message>
    <message>
        <source>Courseware for %1</source>
        <translation>%1 的课件</translation>
    </message>
    <message>
        <source>New assignment for this lesson</source>
        <translation>为本节课新建作业</translation>
    </message>
    <message>
        <source>Use a draft</source>
        <translation>使用草稿</translation>
    </message>
    <message>
        <source>%1 homework</source>
        <translation>%1作业</translation>
    </message>
</context>
<context>
    <name>ClassDesk::TodayPage</name>
    <message>
        <source>No lessons today. Lessons from the timetable appear here.</source>
        <translation>今天没有课。课表中的课会显示在这里。</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the publish</source>
        <translation>撤销发布</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今天，%1</translation>
    </message>
    <message>
        <source>The school&apos;s date in %1</source>
        <translation>学校所在时区 %1 的日期</translation>
    </message>
    <message>
        <source>Everything in this lesson was already published.</source>
        <translation>这节课的内容都已发布过。</translation>
    </message>
    <message>
        <source>The lesson is queued and goes out as soon as the network allows.</source>
        <translation>这节课已排队，网络可用时即会发出。</translation>
    </message>
    <message>
        <source>The lesson is queued and is being sent now.</source>
        <translation>这节课已排队，正在发送。</translation>
    </message>
    <message>
        <source>You are offline. The lesson will go out when the network returns.</source>
        <translation>当前处于离线状态。网络恢复后这节课会自动发出。</translation>
    </message>
    <message numerus="yes">
        <source>%n courseware file(s) queued for upload</source>
        <translation>
            <numerusform>%n 个课件排队上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) published</source>
        <translation>
            <numerusform>%n 份作业已发布</numerusform>
        </translation>
    </message>
    <message>
        <source>attendance opened</source>
        <translation>已开启考勤</translation>
    </message>
    <message>
        <source>Lesson published: %1.</source>
        <translation>已发布本节课：%1。</translation>
    </message>
    <message>
        <source>The publish was undone. Nothing was sent.</source>
        <translation>已撤销发布，没有发出任何内容。</translation>
    </message>
    <message>
        <source>‹ &amp;Previous Day</source>
        <translation>‹ 前一天(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Next Day ›</source>
        <translation>后一天(&amp;N) ›</translation>
    </message>
    <message>
        <source>No lessons on this day.</source>
        <translation>这一天没有课。</translation>
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
    <name>ClassDesk::TusUploadJob</name>
    <message>
        <source>The courseware file %1 is missing or changed on this computer. Import the file again.</source>
        <translation>本机上的课件文件 %1 已丢失或被修改。请重新导入该文件。</translation>
    </message>
    <message>
        <source>ClassDesk cannot read the courseware file %1 (%2). Import the file again.</source>
        <translation>课堂助手无法读取课件文件 %1（%2）。请重新导入该文件。</translation>
    </message>
    <message>
        <source>The courseware file %1 became shorter while it was uploaded. Import the file again.</source>
        <translation>课件文件 %1 在上传过程中变短了。请重新导入该文件。</translation>
    </message>
    <message>
        <source>The platform stored none of the last parts of the file. ClassDesk will try again later.</source>
        <translation>平台没有保存该文件最近上传的任何部分。课堂助手稍后会重试。</translation>
    </message>
    <message>
        <source>The platform&apos;s copy of %1 does not match the file on this computer. ClassDesk will upload it again.</source>
        <translation>平台上的 %1 与本机文件不一致。课堂助手将重新上传。</translation>
    </message>
    <message>
        <source>The platform sent an unexpected answer to an upload. ClassDesk will try again later.</source>
        <translation>平台对上传请求返回了意外的响应。课堂助手稍后会重试。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::UploadQueue</name>
    <message>
        <source>This courseware is not in the upload queue.</source>
        <translation>该课件不在上传队列中。</translation>
    </message>
    <message numerus="yes">
        <source>ClassDesk stopped trying to upload this file after %n attempt(s). %1 Check the network connection, then retry the upload.</source>
        <translation>
            <numerusform>课堂助手已尝试上传此文件 %n 次，现已停止。%1 请检查网络连接，然后重试上传。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDesk::UploadQueueModel</name>
    <message>
        <source>Waiting to upload</source>
        <translation>等待上传</translation>
    </message>
    <message>
        <source>The upload was interrupted. ClassDesk tries again at %1.</source>
        <translation>上传中断，课堂助手将在 %1 重试。</translation>
    </message>
    <message>
        <source>The upload was interrupted. ClassDesk tries again soon.</source>
        <translation>上传中断，课堂助手稍后会重试。</translation>
    </message>
    <message>
        <source>Checking whether the platform already has this file</source>
        <translation>正在检查平台是否已有此文件</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Linked instantly: the platform already had this file</source>
        <translation>秒传完成：平台已有此文件</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>已上传</translation>
    </message>
    <message>
        <source>Failed. Select the file and choose Resume to try again.</source>
        <translation>上传失败。请选中该文件，点击“继续”重试。</translation>
    </message>
    <message>
        <source>Failed: %1 Then select the file and choose Resume.</source>
        <translation>上传失败：%1 然后选中该文件，点击“继续”。</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Less than a minute left</source>
        <translation>剩余不到 1 分钟</translation>
    </message>
    <message numerus="yes">
        <source>About %n minute(s) left</source>
        <translation>
            <numerusform>大约还需 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About %n hour(s) left</source>
        <translation>
            <numerusform>大约还需 %n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>Courseware</source>
        <translation>课件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>ClassDesk::UploadQueuePanel</name>
    <message>
        <source>Uploads to the platform</source>
        <translation>上传到平台</translation>
    </message>
    <message>
        <source>Upload queue</source>
        <translation>上传队列</translation>
    </message>
    <message>
        <source>Overall upload progress</source>
        <translation>总体上传进度</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause the selected uploads; they continue where they stopped.</source>
        <translation>暂停所选上传，继续时从中断处接着传。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Continue or retry the selected uploads.</source>
        <translation>继续或重试所选上传。</translation>
    </message>
    <message>
        <source>Cancel Upload</source>
        <translation>取消上传</translation>
    </message>
    <message>
        <source>Remove the selected files from the queue; the files stay in the library.</source>
        <translation>将所选文件移出上传队列，文件仍保留在课件库中。</translation>
    </message>
    <message>
        <source>Pause &amp;All</source>
        <translation>全部暂停(&amp;A)</translation>
    </message>
    <message>
        <source>Resume A&amp;ll</source>
        <translation>全部继续(&amp;L)</translation>
    </message>
    <message>
        <source>ClassDesk is not connected to the platform. The files upload when it is.</source>
        <translation>课堂助手尚未连接到平台，连接后会自动上传这些文件。</translation>
    </message>
    <message>
        <source>Uploads start only after %1 each day (see Settings).</source>
        <translation>每天 %1 之后才开始上传（见“设置”）。</translation>
    </message>
    <message>
        <source>All files are on the platform</source>
        <translation>所有文件都已在平台上</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No files are waiting for upload.</source>
        <translation>没有等待上传的文件。</translation>
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
        <source>Could not save %1 (%2). Check that the disk has free space, then export again.</source>
        <translation>无法保存 %1（%2）。请确认磁盘有剩余空间，然后重新导出。</translation>
    </message>
</context>
<context>
    <name>ClassDesk::ZipPackage</name>
    <message>
        <source>part %1 is not valid XML (line %2: %3)</source>
        <translation>部件 %1 不是有效的 XML（第 %2 行：%3）</translation>
    </message>
    <message>
        <source>the file could not be opened</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>it is not a complete zip archive</source>
        <translation>它不是完整的 zip 压缩包</translation>
    </message>
    <message>
        <source>the zip directory is damaged</source>
        <translation>zip 目录已损坏</translation>
    </message>
    <message>
        <source>the archive unpacks to more data than a workbook can hold</source>
        <translation>压缩包解压后的数据量超过了工作簿所能容纳的范围</translation>
    </message>
    <message>
        <source>part %1 cannot be unpacked</source>
        <translation>部件 %1 无法解压</translation>
    </message>
    <message>
        <source>part %1 is damaged (its checksum or compressed data is wrong)</source>
        <translation>部件 %1 已损坏（校验和或压缩数据有误）</translation>
    </message>
</context>
<context>
    <name>CurlLibrary</name>
    <message>
        <source>ClassDesk cannot connect to the platform because its network library (libcurl, tried: %1) is missing or too old. Your work is kept on this computer. Reinstall ClassDesk or ask your school&apos;s IT staff to install libcurl.</source>
        <translation>课堂助手无法连接平台：找不到可用的网络组件 libcurl（已尝试：%1），或其版本过旧。您的数据仍保存在本机。请重新安装课堂助手，或请学校信息管理员安装 libcurl。</translation>
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
    <message>
        <source>A secure connection to the platform could not be set up. If the platform&apos;s address starts with http:// rather than https://, enter it with http://. Otherwise ClassDesk will try again later.</source>
        <translation>无法与平台建立安全连接。如果平台地址以 http:// 而不是 https:// 开头，请在输入地址时写上 http://；否则课堂助手稍后会重试。</translation>
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
