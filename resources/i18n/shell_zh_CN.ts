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
        <source>QtMultimedia (chosen with LEITAI_VIDEO_BACKEND)</source>
        <translation>QtMultimedia（由 LEITAI_VIDEO_BACKEND 指定）</translation>
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
        <source>Copy diagnostics</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <source>Versions, system, folders and the last lines of the log, for support. No scores or names.</source>
        <translation>版本、系统、文件夹和日志的最后几行，供技术支持使用；不含评分和姓名。</translation>
    </message>
    <message>
        <source>Copied. Paste it into a message to the organizer or to support.</source>
        <translation>已复制。请粘贴到发给主办方或技术支持的消息中。</translation>
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
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>About Leitai</source>
        <translation>关于擂台</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Leitai ran into a problem</source>
        <extracomment>Seconds after a dialog closed during which a new error is only logged (an error on every repaint). Dialogs shown at most in one session; later errors are logged only. What the user chose: carry on, or quit.</extracomment>
        <translation>擂台遇到问题</translation>
    </message>
    <message>
        <source>Something unexpected went wrong.</source>
        <translation>发生了意外错误。</translation>
    </message>
    <message>
        <source>Nothing you entered is lost: every score, comment and change was saved to disk the moment you made it. You can carry on, or quit and start Leitai again.</source>
        <translation>您录入的内容都没有丢失：每一项评分、评语和修改在录入时就已保存到磁盘。您可以继续使用，也可以退出后重新打开擂台。</translation>
    </message>
    <message>
        <source>The details were written to the log:
{path}</source>
        <translation>详细信息已写入日志：
{path}</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Quit Leitai</source>
        <translation>退出擂台</translation>
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
        <extracomment>Builds a page the first time it is needed: returns the widget and the menus shown with it. Milliseconds to wait for background work to stop when the window closes. The user picked another interface language (code); ``ui.main.Shell`` rebuilds the window.</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>New &amp;workspace…</source>
        <translation>新建工作区(&amp;W)…</translation>
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
        <source>&amp;Live session…</source>
        <translation>现场赛(&amp;L)…</translation>
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
        <source>&amp;Getting started</source>
        <translation>新手指引(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About Leitai</source>
        <translation>关于擂台(&amp;A)</translation>
    </message>
    <message>
        <source>Judging desk</source>
        <translation>评审工作台</translation>
    </message>
    <message>
        <source>Rounds, judges, assignment, packages and score bundles</source>
        <translation>轮次、评委、分配、评审包与评分包</translation>
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
        <source>Open a workspace first.</source>
        <translation>请先打开一个工作区。</translation>
    </message>
    <message>
        <source>The guide is on the start page: close the workspace.</source>
        <translation>新手指引在起始页上：请先关闭工作区。</translation>
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
    <name>NewWorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <extracomment>``(parent, title, start) -&gt; folder or None``: how the &quot;Choose…&quot; button asks for a folder (``Prompter.choose_directory``).</extracomment>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Create an empty competition workspace for a season: cases, judges and scores go in it.</source>
        <translation>为一届赛事创建一个空的比赛工作区：案例、评委和评分都保存在其中。</translation>
    </message>
    <message>
        <source>{year} · {title}</source>
        <translation>{year} · {title}</translation>
    </message>
    <message>
        <source>A new or empty folder</source>
        <translation>新的或空的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>At least {n} characters</source>
        <translation>至少 {n} 个字符</translation>
    </message>
    <message>
        <source>The organizer passphrase protects the signature on every judge package and score bundle of this competition. Keep it safe: it cannot be recovered, and without it no new packages can be made.</source>
        <translation>主办方口令保护本次比赛每一份评审包和评分包的签名。请妥善保管：口令一旦遗忘无法找回，没有它就不能再制作新的评审包。</translation>
    </message>
    <message>
        <source>Season</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>Competition name</source>
        <translation>比赛名称</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>主办方口令</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Choose a folder for the new workspace</source>
        <translation>选择新工作区的文件夹</translation>
    </message>
    <message>
        <source>Choose a folder for the workspace.</source>
        <translation>请为工作区选择一个文件夹。</translation>
    </message>
    <message>
        <source>Enter the folder&apos;s full path.</source>
        <translation>请输入文件夹的完整路径。</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>这是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <source>This folder is not empty: a new workspace needs a new or empty folder.</source>
        <translation>该文件夹不是空文件夹：新工作区只能建在新的或空的文件夹里。</translation>
    </message>
    <message>
        <source>This folder cannot be read.</source>
        <translation>无法读取该文件夹。</translation>
    </message>
    <message>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>口令至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>StartGuide</name>
    <message>
        <source>New to Leitai? Choose your role for a short guided start.</source>
        <extracomment>The two roles the guide knows. The guide&apos;s last step was taken: the start page asks for this (``open_package``, …). The user put the guide away (&quot;Hide&quot;, or a last step taken).</extracomment>
        <translation>第一次使用擂台？请选择您的身份，跟着简短的指引开始。</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Hide the guide</source>
        <translation>隐藏新手指引</translation>
    </message>
    <message>
        <source>Help ▸ Getting started shows it again</source>
        <translation>可通过“帮助 ▸ 新手指引”再次打开</translation>
    </message>
    <message>
        <source>I organize the competition</source>
        <translation>我是主办方</translation>
    </message>
    <message>
        <source>I am a judge</source>
        <translation>我是评委</translation>
    </message>
    <message>
        <source>Other role</source>
        <translation>换个身份</translation>
    </message>
    <message>
        <source>Back to the choice of role</source>
        <translation>返回身份选择</translation>
    </message>
    <message>
        <source>Judging on your own laptop, in four steps</source>
        <translation>四步完成评审（在您自己的电脑上）</translation>
    </message>
    <message>
        <source>1. The organizer sends you a judge package (a .leitai-pkg file) and, separately, your access code.</source>
        <translation>1. 主办方会发给您一份评审包（.leitai-pkg 文件），并另行告知您的访问码。</translation>
    </message>
    <message>
        <source>2. Open the package and type the access code. Compare the organizer key&apos;s fingerprint with the one the organizer announced.</source>
        <translation>2. 打开评审包并输入访问码。请将主办方密钥指纹与主办方公布的指纹核对。</translation>
    </message>
    <message>
        <source>3. Read each case&apos;s slides (PgDown), watch its video, and score each criterion (F2 jumps to the scores). Every score is saved as you type it.</source>
        <translation>3. 阅读每个案例的幻灯片（PgDown 翻页），观看视频，逐项评分（按 F2 跳到评分栏）。每项评分录入后立即保存。</translation>
    </message>
    <message>
        <source>4. Submit each case (Ctrl+Enter), then export your signed score bundle (Ctrl+E) and give it to the organizer.</source>
        <translation>4. 逐个提交案例（Ctrl+Enter），然后导出已签名的评分包（Ctrl+E）交给主办方。</translation>
    </message>
    <message>
        <source>Open my judge package…</source>
        <translation>打开我的评审包…</translation>
    </message>
    <message>
        <source>Running a competition, in four steps</source>
        <translation>四步组织一届比赛</translation>
    </message>
    <message>
        <source>1. Create a workspace for the season, or try the demo competition first.</source>
        <translation>1. 为本届比赛新建工作区，或先试用演示比赛。</translation>
    </message>
    <message>
        <source>2. Import the hospitals&apos; submissions: every case is checked against the season&apos;s notice.</source>
        <translation>2. 导入各医院的申报材料：每个案例都会按本届通知的要求逐项检查。</translation>
    </message>
    <message>
        <source>3. Screen the cases, enrol the judges, assign them and build one signed package per judge.</source>
        <translation>3. 初筛案例，登记评委并分配评审任务，为每位评委生成一份签名评审包。</translation>
    </message>
    <message>
        <source>4. Merge the judges&apos; score bundles, rank the cases and run the live final.</source>
        <translation>4. 合并评委的评分包，排名，并组织现场决赛。</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>Try the demo…</source>
        <translation>试用演示比赛…</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Leitai</source>
        <extracomment>How many recent workspaces the list shows before it scrolls. Item role holding a recent workspace&apos;s full path. A recent workspace&apos;s folder (str) was chosen. The user removed a folder (str) from the recent list. A file named ``*&lt;package_suffix&gt;`` (str path) was dropped on the page.</extracomment>
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
        <source>New workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>Organizers: start a new competition for a season, protected by your passphrase.</source>
        <translation>主办方：为一届赛事开始新的比赛，由您的口令保护。</translation>
    </message>
    <message>
        <source>Open judge package…</source>
        <extracomment>Seconds each media step may take before it counts as failed (a slow laptop is still well inside). Frame size libvlc decodes into (its picture is scaled to it; the size does not matter to the check).</extracomment>
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
<context>
    <name>WorkspaceMaker</name>
    <message>
        <source>Creating the workspace in {path}…</source>
        <extracomment>What &quot;Create demo&quot; generates (the CLI&apos;s defaults). Folder made inside a non-empty folder chosen for the demo. A workspace (``Workspace``, open) was made. The running (or last) creation, for callers and tests that wait on it.</extracomment>
        <translation>正在 {path} 创建工作区…</translation>
    </message>
    <message>
        <source>Could not create the workspace</source>
        <translation>无法创建工作区</translation>
    </message>
    <message>
        <source>Choose a folder for the demo competition</source>
        <translation>选择存放演示比赛的文件夹</translation>
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
        <source>Creating the demo competition…</source>
        <translation>正在生成演示比赛…</translation>
    </message>
    <message>
        <source>New demo</source>
        <translation>新建演示</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
