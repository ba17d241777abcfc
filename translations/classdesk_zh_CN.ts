<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>ClassDesk::PlaceholderPage</name>
    <message>
        <source>This section is not built yet.</source>
        <translation>此部分尚未完成。</translation>
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
