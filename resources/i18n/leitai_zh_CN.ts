<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>python-vlc with libvlc {version}</source>
        <translation>python-vlc（libvlc {version}）</translation>
    </message>
    <message>
        <source>QtMultimedia (libvlc was not found)</source>
        <translation>QtMultimedia（未找到 libvlc）</translation>
    </message>
    <message>
        <source>Leitai</source>
        <translation>擂台 Leitai</translation>
    </message>
    <message>
        <source>Offline desktop app for the national hospital case competition on improving medical services.</source>
        <translation>改善医疗服务全国医院擂台赛的离线桌面应用。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Video playback</source>
        <translation>视频播放</translation>
    </message>
    <message>
        <source>About Leitai</source>
        <translation>关于擂台</translation>
    </message>
</context>
<context>
    <name>CaseDetailsWidget</name>
    <message>
        <source>Select a case in the table to see its details.</source>
        <translation>在表格中选择一个案例以查看详情。</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>赛区</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Public votes</source>
        <translation>网络投票</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>推荐理由</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>申报材料</translation>
    </message>
    <message>
        <source>{status} — {reason}</source>
        <translation>{status}：{reason}</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No files.</source>
        <translation>没有文件。</translation>
    </message>
    <message>
        <source>Slides (PDF)</source>
        <translation>演示文稿（PDF）</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
</context>
<context>
    <name>CaseStatus</name>
    <message>
        <source>Pending</source>
        <extracomment>Languages the interface ships, each named in its own language (these names are never translated). Chinese is the first language of the interface (DESIGN.md). Environment variable that picks the language (after ``--lang``, before the saved setting). Environment variable that turns on pseudo-translation for layout testing. How much longer pseudo-translated strings get. Base name of the catalogues in ``resources/i18n`` (``leitai_zh_CN.qm``). Font families in order of preference: each platform&apos;s UI font with good CJK coverage, then Noto. Monospace families for hashes and codes. Case status codes (``app.models.CaseStatus``) as the interface names them.</extracomment>
        <translation>待初筛</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Code</source>
        <extracomment>The case&apos;s ``CaseRow.id`` (int) for any cell. A value that sorts the column correctly (numbers as numbers, missing values last). The whole ``CaseRow`` for any cell (for delegates and the filter proxy). Translation context of the column headers (explicit: the model may be subclassed). Shown by default (the header&apos;s context menu shows or hides any column). Text colour for a row, or None for the default. Missing values sort after every real one, whichever the type. Status text colours: approved green, rejected red, waiting in the default colour. Statuses sort in the order a case goes through screening.</extracomment>
        <translation>案例编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>案例名称</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>赛区</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>组别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
</context>
<context>
    <name>DomainError</name>
    <message>
        <source>{path} is not a Leitai workspace (there is no leitai.db in it).</source>
        <extracomment>DomainError code -&gt; English template; placeholders are the error&apos;s ``params``.</extracomment>
        <translation>{path} 不是擂台工作区（其中没有 leitai.db）。</translation>
    </message>
    <message>
        <source>{path} is already a workspace; it will not be overwritten.</source>
        <translation>{path} 已经是一个工作区，不会覆盖。</translation>
    </message>
    <message>
        <source>The workspace database {path} cannot be read.</source>
        <translation>无法读取工作区数据库 {path}。</translation>
    </message>
    <message>
        <source>{path} holds no competition.</source>
        <translation>{path} 中没有比赛数据。</translation>
    </message>
    <message>
        <source>The file {path} was not found.</source>
        <translation>找不到文件 {path}。</translation>
    </message>
    <message>
        <source>A case with the code {code} already exists.</source>
        <translation>案例编号 {code} 已存在。</translation>
    </message>
    <message>
        <source>A judge with the code {code} already exists.</source>
        <translation>评委编号 {code} 已存在。</translation>
    </message>
    <message>
        <source>{path} already holds too many demo folders.</source>
        <translation>{path} 中已有太多演示文件夹。</translation>
    </message>
    <message>
        <source>{path} is not empty: a demo competition needs a new or empty folder.</source>
        <translation>{path} 不是空文件夹：演示比赛只能建在新的或空的文件夹里。</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The system refused: {reason}{where}</source>
        <translation>系统拒绝了操作：{reason}{where}</translation>
    </message>
    <message>
        <source>An unexpected error happened: {detail}</source>
        <translation>发生了意外错误：{detail}</translation>
    </message>
    <message>
        <source>Leitai</source>
        <translation>擂台</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <extracomment>What &quot;Create demo&quot; generates (the CLI&apos;s defaults). Folder made inside a non-empty folder chosen for the demo. Milliseconds to wait for background work to stop when the window closes. The user picked another interface language (code); ``ui.main.Shell`` rebuilds the window.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New demo…</source>
        <translation>新建演示(&amp;N)…</translation>
    </message>
    <message>
        <source>Open &amp;judge package…</source>
        <translation>打开评审包(&amp;J)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Leitai</source>
        <translation>关于擂台(&amp;A)</translation>
    </message>
    <message>
        <source>Judge workspace</source>
        <translation>评审工作台</translation>
    </message>
    <message>
        <source>Opening a judge package and scoring cases is coming in a later version. Organizers can already open a workspace or create a demo.</source>
        <translation>打开评审包并为案例评分的功能将在后续版本中提供。主办方现在已可打开工作区或新建演示。</translation>
    </message>
    <message>
        <source>Open a workspace folder</source>
        <translation>打开工作区文件夹</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>正在打开 {path}…</translation>
    </message>
    <message>
        <source>Could not open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Choose a folder for the demo competition</source>
        <translation>选择存放演示比赛的文件夹</translation>
    </message>
    <message>
        <source>Creating the demo competition…</source>
        <translation>正在生成演示比赛…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>New demo</source>
        <translation>新建演示</translation>
    </message>
    <message>
        <source>Could not create the demo</source>
        <translation>无法生成演示</translation>
    </message>
    <message>
        <source>Demo creation cancelled.</source>
        <translation>已取消生成演示。</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>{competition} · Season {season}</source>
        <translation>{competition} · {season} 年度</translation>
    </message>
    <message>
        <source>{count} judges</source>
        <translation>评委 {count} 位</translation>
    </message>
    <message>
        <source>{shown} / {total} cases shown</source>
        <translation>显示 {shown} / {total} 个案例</translation>
    </message>
    <message>
        <source>Leitai</source>
        <translation>擂台</translation>
    </message>
</context>
<context>
    <name>OrganizerView</name>
    <message>
        <source>&amp;Reload</source>
        <extracomment>Milliseconds the search box waits after the last keystroke before filtering. (shown, total) cases after each load or filter change. The workspace summary after each load (``WorkspaceSummary``). A load finished and the table shows its rows. The selected case (``CaseRow``) or None.</extracomment>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the cases from the workspace again</source>
        <translation>重新从工作区读取案例</translation>
    </message>
    <message>
        <source>&amp;Cases</source>
        <translation>案例(&amp;C)</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <source>Search code, title or hospital</source>
        <translation>搜索案例编号、名称或医院</translation>
    </message>
    <message>
        <source>All themes</source>
        <translation>全部主题</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部赛区</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部组别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Reading the cases…</source>
        <translation>正在读取案例…</translation>
    </message>
    <message>
        <source>Season {season} · {cases} cases · {judges} judges</source>
        <translation>{season} 年度 · {cases} 个案例 · {judges} 位评委</translation>
    </message>
    <message>
        <source>The cases could not be read.</source>
        <translation>无法读取案例。</translation>
    </message>
    <message>
        <source>Could not read the cases</source>
        <translation>无法读取案例</translation>
    </message>
    <message>
        <source>This workspace has no cases yet.</source>
        <translation>此工作区还没有案例。</translation>
    </message>
    <message>
        <source>No case matches the filters.</source>
        <translation>没有符合筛选条件的案例。</translation>
    </message>
    <message>
        <source>{shown} / {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <source>Cases shown / all cases</source>
        <translation>显示的案例 / 全部案例</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Back to the start page</source>
        <translation>返回开始页</translation>
    </message>
</context>
<context>
    <name>ReaderWidget</name>
    <message>
        <source>No PDF to show.</source>
        <extracomment>Thumbnail width, logical pixels.</extracomment>
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
    <name>StartPage</name>
    <message>
        <source>Leitai</source>
        <extracomment>How many recent workspaces the list shows before it scrolls. Item role holding a recent workspace&apos;s full path. A recent workspace&apos;s folder (str) was chosen. The user removed a folder (str) from the recent list.</extracomment>
        <translation>擂台</translation>
    </message>
    <message>
        <source>Improving Medical Services · National Hospital Case Competition</source>
        <translation>改善医疗服务 · 全国医院擂台赛</translation>
    </message>
    <message>
        <source>From intake to the award ceremony, entirely offline.</source>
        <translation>从案例征集到颁奖典礼，全程离线运行。</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>Organizers: continue running a competition from its workspace folder.</source>
        <translation>主办方：从工作区文件夹继续组织一届比赛。</translation>
    </message>
    <message>
        <source>Open judge package…</source>
        <translation>打开评审包…</translation>
    </message>
    <message>
        <source>Judges: open the package the organizer sent you, then score your cases.</source>
        <translation>评审专家：打开主办方发来的评审包，为分配给您的案例评分。</translation>
    </message>
    <message>
        <source>Create demo…</source>
        <translation>新建演示…</translation>
    </message>
    <message>
        <source>Try Leitai on a generated competition with sample cases and judges.</source>
        <translation>在自动生成的演示比赛（含示例案例和评委）上体验擂台。</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>最近打开的工作区</translation>
    </message>
    <message>
        <source>No workspace opened yet. Open one, or create a demo to look around.</source>
        <translation>还没有打开过工作区。请打开一个工作区，或新建演示来了解功能。</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>从列表中移除</translation>
    </message>
</context>
</TS>
