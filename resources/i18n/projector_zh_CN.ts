<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LiveConsoleWindow</name>
    <message>
        <source>Live session — {round} {group}</source>
        <translation>现场赛 — {round} {group}</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Start clock</source>
        <translation>开始计时</translation>
    </message>
    <message>
        <source>Reset clock</source>
        <translation>重置计时</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>答辩</translation>
    </message>
    <message>
        <source>Show slides</source>
        <translation>显示幻灯片</translation>
    </message>
    <message>
        <source>Page ↑</source>
        <translation>上一页 ↑</translation>
    </message>
    <message>
        <source>Page ↓</source>
        <translation>下一页 ↓</translation>
    </message>
    <message>
        <source>Show ranking</source>
        <translation>显示排名</translation>
    </message>
    <message>
        <source>Reveal next award</source>
        <translation>揭晓下一个奖项</translation>
    </message>
    <message>
        <source>Projector</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>Open projector</source>
        <translation>打开投影</translation>
    </message>
    <message>
        <source>Stealth: keep winners off this screen</source>
        <translation>保密模式：揭晓前本屏不显示获奖者</translation>
    </message>
    <message>
        <source>Judges send their scores to</source>
        <translation>评委评分发送地址</translation>
    </message>
    <message>
        <source>Also merge from a folder…</source>
        <translation>同时从文件夹接收…</translation>
    </message>
    <message>
        <source>Banner image…</source>
        <translation>横幅图片…</translation>
    </message>
    <message>
        <source>Arrived bundles</source>
        <translation>已收到的评分包</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>评委</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Pause clock</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Case {n} of {total}: {hospital}</source>
        <translation>第 {n} / {total} 个案例：{hospital}</translation>
    </message>
    <message>
        <source>Not receiving over the network.</source>
        <translation>未通过网络接收评分。</translation>
    </message>
    <message>
        <source>Close projector</source>
        <translation>关闭投影</translation>
    </message>
    <message>
        <source>Watching {folder} (click to stop)</source>
        <translation>正在监视 {folder}（点击停止）</translation>
    </message>
    <message>
        <source>Folder where judges&apos; bundles arrive</source>
        <translation>评委评分包存放的文件夹</translation>
    </message>
    <message>
        <source>Banner image for the projector</source>
        <translation>投影横幅图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
</context>
<context>
    <name>LiveSetupDialog</name>
    <message>
        <source>Live session</source>
        <extracomment>The receiver&apos;s port unless the organizer picks another.</extracomment>
        <translation>现场赛</translation>
    </message>
    <message>
        <source>#{id}  {round}  group {group}  {title}</source>
        <translation>#{id}  {round}  分组 {group}  {title}</translation>
    </message>
    <message>
        <source>Resume a session</source>
        <translation>继续已有的现场赛</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新建现场赛</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Random draw</source>
        <translation>随机抽签</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>blank: a fresh seed, recorded</source>
        <translation>留空：自动生成种子并记录</translation>
    </message>
    <message>
        <source>case codes in order, separated by commas</source>
        <translation>按出场顺序填写案例编号，用逗号分隔</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>演讲</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>答辩</translation>
    </message>
    <message>
        <source>Warning at</source>
        <translation>提醒于剩余</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Judges present</source>
        <translation>到场评委</translation>
    </message>
    <message>
        <source>Time per case</source>
        <translation>每个案例用时</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>出场顺序</translation>
    </message>
    <message>
        <source>Title on screen</source>
        <translation>屏幕标题</translation>
    </message>
    <message>
        <source>Receive bundles on</source>
        <translation>接收评分包的地址</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>{name} ({n} cases)</source>
        <translation>{name}（{n} 个案例）</translation>
    </message>
    <message>
        <source>all cases</source>
        <translation>全部案例</translation>
    </message>
    <message>
        <source>The session cannot start</source>
        <translation>无法开始现场赛</translation>
    </message>
</context>
<context>
    <name>ProjectorPainter</name>
    <message>
        <source>Welcome</source>
        <extracomment>The design space every scene is laid out in (16:9).</extracomment>
        <translation>欢迎莅临</translation>
    </message>
    <message>
        <source>Judge {n}</source>
        <translation>评委{n}</translation>
    </message>
    <message>
        <source>Final score</source>
        <translation>最终得分</translation>
    </message>
    <message>
        <source>Marks received: {got} / {expected}</source>
        <translation>已收到评分：{got} / {expected}</translation>
    </message>
    <message>
        <source>Hidden until revealed (stealth)</source>
        <translation>揭晓前隐藏（保密模式）</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Leitai — projector</source>
        <translation>擂台 — 投影</translation>
    </message>
</context>
</TS>
