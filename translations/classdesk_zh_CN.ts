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
</context>
<context>
    <name>ClassDesk::PlaceholderPage</name>
    <message>
        <source>This section is not built yet.</source>
        <translation>此部分尚未完成。</translation>
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
