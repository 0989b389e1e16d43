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
