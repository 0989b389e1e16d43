<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReaderWidget</name>
    <message>
        <source>Pages</source>
        <extracomment>Thumbnail width, logical pixels.</extracomment>
        <translation>页面缩略图</translation>
    </message>
    <message>
        <source>No PDF to show.</source>
        <translation>没有可显示的 PDF。</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Search in PDF</source>
        <translation>在 PDF 中搜索</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>转到页</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>退出全屏</translation>
    </message>
    <message>
        <source>PgDown / Space / →</source>
        <translation>PgDown / 空格 / →</translation>
    </message>
    <message>
        <source>PgUp / ←</source>
        <translation>PgUp / ←</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>First / last page</source>
        <translation>第一页 / 最后一页</translation>
    </message>
    <message>
        <source>Ctrl + wheel</source>
        <translation>Ctrl + 滚轮</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>The PDF file is missing: {0}</source>
        <translation>PDF 文件缺失：{0}</translation>
    </message>
    <message>
        <source>Opening the PDF…</source>
        <translation>正在打开 PDF…</translation>
    </message>
    <message>
        <source>This PDF is password-protected and cannot be shown.</source>
        <translation>此 PDF 受密码保护，无法显示。</translation>
    </message>
    <message>
        <source>This PDF cannot be opened (damaged or not a PDF).</source>
        <translation>无法打开此 PDF（文件已损坏或不是 PDF）。</translation>
    </message>
    <message>
        <source>You can still score this case.</source>
        <translation>您仍然可以为此案例评分。</translation>
    </message>
    <message>
        <source>searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>无匹配</translation>
    </message>
</context>
<context>
    <name>VideoPlayerWidget</name>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>静音（M）</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>全屏（F）</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <extracomment>Milliseconds the arrow keys seek.</extracomment>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Back 5 seconds</source>
        <translation>后退 5 秒</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>前进 5 秒</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Full screen video</source>
        <translation>全屏视频</translation>
    </message>
    <message>
        <source>This case has no video.</source>
        <translation>此案例没有视频。</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>The video file is missing: {0}</source>
        <translation>视频文件缺失：{0}</translation>
    </message>
    <message>
        <source>The video player could not start: {0}</source>
        <translation>视频播放器无法启动：{0}</translation>
    </message>
    <message>
        <source>You can still score this case.</source>
        <translation>您仍然可以为此案例评分。</translation>
    </message>
    <message>
        <source>This video cannot be played (damaged or in an unknown format): {0}</source>
        <translation>此视频无法播放（文件已损坏或格式无法识别）：{0}</translation>
    </message>
</context>
</TS>
