//! Every user-visible string of the console, in both languages.

use super::Lang;

macro_rules! strings {
    ($($key:ident => $en:literal, $zh:literal;)+) => {
        /// A user-visible string.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key { $($key),+ }

        /// The text of `key` in `lang`.
        pub fn text(lang: Lang, key: Key) -> &'static str {
            match (lang, key) {
                $((Lang::En, Key::$key) => $en, (Lang::ZhCn, Key::$key) => $zh,)+
            }
        }
    };
}

strings! {
    AppTitle => "IMS Console", "镜像服务控制台";
    SkipToContent => "Skip to content", "跳到主要内容";
    Images => "Images", "镜像";
    Settings => "Settings", "设置";
    Language => "Language", "语言";
    ThemeToggle => "Switch theme", "切换主题";
    ThemeSystem => "Theme: system", "主题：跟随系统";
    ThemeLight => "Theme: light", "主题：浅色";
    ThemeDark => "Theme: dark", "主题：深色";
    Loading => "Loading…", "加载中…";
    NoImages => "No images match these filters.", "没有符合条件的镜像。";
    ExactMatch => "Exact match", "精确匹配";
    UrlLeftOut => "Left out of this page's address, as not valid:", "本页地址中以下参数无效，已忽略：";
    UrlValueInvalid => "The value in the address was not valid and is not applied.", "地址中的值无效，未应用。";
    BackToFirstPage => "Back to the first page", "返回第一页";
    NoMoreImages => "There are no more images after the previous page.", "上一页之后没有更多镜像。";
    ErrorTitle => "The request failed", "请求失败";
    ErrorStatus => "HTTP status", "HTTP 状态码";
    ErrorCode => "Error code", "错误码";
    ErrorRequestId => "Request ID", "请求 ID";
    Retry => "Retry", "重试";
    SignInTitle => "Sign in", "登录";
    SignInHint => "Enter an X-Auth-Token for the API. It is kept for this tab only unless you choose otherwise in Settings.", "请输入 API 的 X-Auth-Token。除非在设置中另行选择，它只保存在当前标签页中。";
    Token => "Token", "令牌";
    SignIn => "Sign in", "登录";
    SignOut => "Sign out", "退出";
    TokenRejected => "The server refused this token. Enter another one.", "服务器拒绝了该令牌，请输入其他令牌。";
    NotFound => "This page does not exist.", "页面不存在。";
    TabPublic => "Public", "公共镜像";
    TabPrivate => "Private", "私有镜像";
    TabShared => "Shared", "共享镜像";
    Filters => "Filters", "筛选";
    MoreFilters => "More filters", "更多筛选";
    Apply => "Apply", "应用";
    Clear => "Clear", "清除";
    Any => "Any", "全部";
    Yes => "Yes", "是";
    No => "No", "否";
    TimeUtc => "UTC", "UTC";
    OpGt => "after", "晚于";
    OpGte => "at or after", "不早于";
    OpLt => "before", "早于";
    OpLte => "at or before", "不晚于";
    OpEq => "exactly at", "等于";
    OpNeq => "not at", "不等于";
    FlavorId => "Flavor ID", "规格 ID";
    MemberStatus => "Member status", "成员状态";
    QuickFilter => "Contains (this page only)", "包含（仅筛选本页）";
    QuickFilterHint => "Filters the rows already loaded, in the browser. The name filter above asks the server for an exact name.", "只在浏览器中筛选已加载的行；上方的名称筛选向服务器查询完全匹配的名称。";
    PageSize => "Per page", "每页";
    Previous => "Previous", "上一页";
    Next => "Next", "下一页";
    PageNumber => "Page", "第";
    Columns => "Columns", "列";
    ExportCsv => "Export CSV", "导出 CSV";
    ExportJson => "Export JSON", "导出 JSON";
    SelectAll => "Select all on this page", "选择本页全部";
    SelectRow => "Select", "选择";
    Selected => "selected", "项已选";
    SortAsc => "ascending", "升序";
    SortDesc => "descending", "降序";
    Back => "Back to the list", "返回列表";
    Copy => "Copy", "复制";
    Copied => "Copied", "已复制";
    RawJson => "Raw JSON", "原始 JSON";
    GroupBasic => "Basic", "基本信息";
    GroupOs => "Operating system", "操作系统";
    GroupCapabilities => "Capabilities and support", "能力与支持";
    GroupStorage => "Storage", "存储";
    GroupTimestamps => "Timestamps", "时间";
    GroupLinks => "Links", "链接";
    GroupCustom => "Custom properties", "自定义属性";
    NoCustom => "No custom properties.", "没有自定义属性。";
    NoTags => "No tags.", "没有标签。";
    Endpoint => "API endpoint", "API 地址";
    EndpointHint => "Leave empty to use the server this console came from.", "留空则使用提供本控制台的服务器。";
    Flavour => "API flavour", "API 类型";
    FlavourIms => "IMS (/v2/cloudimages, every filter)", "IMS（/v2/cloudimages，全部筛选）";
    FlavourGlance => "OpenStack Glance (/v2/images; IMS-only filters hidden)", "OpenStack Glance（/v2/images；隐藏 IMS 专有筛选）";
    RememberToken => "Remember the token on this device", "在此设备上记住令牌";
    RememberWarning => "The token will stay in this browser's localStorage until you sign out, readable by any script on this origin. Only use this on a device you trust.", "令牌会保存在浏览器的 localStorage 中直到退出登录，此来源上的任何脚本都能读取。请仅在可信设备上使用。";
    Save => "Save", "保存";
    Saved => "Saved.", "已保存。";
    Backend => "Connect to", "连接到";
    BackendDemo => "In-browser demo: sample data kept in this browser", "浏览器内演示：示例数据保存在本浏览器中";
    BackendHttp => "An API endpoint", "API 服务";
    DemoBadge => "In-browser demo", "浏览器内演示";
    DemoBadgeHint => "No API endpoint is configured: the data lives in this browser.", "未配置 API 地址：数据保存在本浏览器中。";
    DemoProject => "Acting as project", "当前项目";
    DemoProjectA => "Project A", "项目 A";
    DemoProjectB => "Project B", "项目 B";
    DemoReset => "Reset demo data", "重置演示数据";
    DemoResetConfirm => "Replace all demo data in this browser with the original sample images?", "用最初的示例镜像替换本浏览器中的全部演示数据？";
    DemoDataReplaced => "The saved demo data could not be used, so the demo started again with fresh sample data.", "无法使用已保存的演示数据，演示已使用新的示例数据重新开始。";
    DemoNoStorage => "This browser does not let the demo keep data: your changes last until the page is closed.", "此浏览器不允许演示保存数据：所做的更改在关闭页面后丢失。";
    Dismiss => "Dismiss", "关闭";
    ColStatus => "Status", "状态";
    ColOsVersion => "OS version", "操作系统版本";
    ColCreated => "Created", "创建时间";
    Sharing => "Sharing", "共享";
    Members => "Members", "成员";
    NoMembers => "This image is not shared with any project.", "该镜像尚未共享给任何项目。";
    MemberProject => "Project", "项目";
    MemberSince => "Since", "时间";
    Remove => "Remove", "移除";
    RemoveAll => "Remove all", "全部移除";
    ShareWith => "Share with projects (IDs separated by commas, spaces or new lines)", "共享给项目（项目 ID 以逗号、空格或换行分隔）";
    Share => "Share", "共享";
    ShareSelected => "Share selected", "共享所选镜像";
    ShareCheck => "Checked before sending", "发送前检查";
    ShareNothing => "Nothing can be shared: see the reasons above.", "没有可共享的项：原因见上。";
    ShareOk => "shared", "已共享";
    RefNotOwner => "Only the image's owner can share it.", "只有镜像的所有者可以共享。";
    RefNotPrivate => "Only private images can be shared.", "只能共享私有镜像。";
    RefEncrypted => "Encrypted images cannot be shared.", "加密镜像不能共享。";
    RefWholeImage => "Whole-machine images cannot be shared.", "整机镜像不支持共享。";
    RefMarket => "Market images cannot be shared.", "市场镜像不能共享。";
    RefCap => "Too many members: remaining places", "成员数超过上限，剩余名额";
    RefOwnProject => "is the owner's own project", "是镜像所有者自己的项目";
    RefDuplicate => "is already a member (or listed twice)", "已经是成员（或重复填写）";
    RefMalformed => "is not a project ID (32 hexadecimal characters)", "不是项目 ID（32 位十六进制字符）";
    Outcome => "Outcome", "结果";
    Inbox => "Shared with me", "共享给我的";
    Pending => "Pending", "待接受";
    Accepted => "Accepted", "已接受";
    Rejected => "Rejected", "已拒绝";
    Accept => "Accept", "接受";
    Reject => "Reject", "拒绝";
    AcceptSelected => "Accept selected", "接受所选";
    RejectSelected => "Reject selected", "拒绝所选";
    InboxEmpty => "Nothing here.", "这里没有镜像。";
    Owner => "Owner", "所有者";
    NewImage => "New image", "创建镜像";
    Create => "Create", "创建";
    Edit => "Edit", "编辑";
    EditImage => "Edit image", "编辑镜像";
    SaveChanges => "Save changes", "保存修改";
    NoChanges => "Nothing has changed yet.", "尚未做任何修改。";
    Delete => "Delete", "删除";
    DeleteSelected => "Delete selected", "删除所选";
    ConfirmDelete => "Delete these images? This cannot be undone.", "确定删除以下镜像吗？此操作无法撤销。";
    Cancel => "Cancel", "取消";
    Close => "Close", "关闭";
    Operator => "Operator", "运算符";
    Deleted => "deleted", "已删除";
    DeletedNotice => "Image deleted:", "镜像已删除：";
    ProtectedNoDelete => "Protected images cannot be deleted.", "受保护的镜像不能删除。";
    DerivedOs => "Derived from the OS version", "由操作系统版本推导";
    Tags => "Tags", "标签";
    Description => "Description", "描述";
    AddTag => "Add tag", "添加标签";
    NewTag => "New tag", "新标签";
    AddProperty => "Add property", "添加属性";
    PropertyKey => "Key", "键";
    PropertyValue => "Value", "值";
    RequestPreview => "Request preview", "请求预览";
    CopyCurl => "Copy as curl (the token comes from $IMS_TOKEN)", "复制为 curl（令牌取自 $IMS_TOKEN）";
    MediaType => "Patch format", "补丁格式";
    ReadOnlyReason => "Read-only: PATCH can change only the name, description, tags and custom properties.", "只读：PATCH 只能修改名称、描述、标签和自定义属性。";
    UnsavedChanges => "You have unsaved changes. Leave anyway?", "有未保存的修改，仍要离开吗？";
    AgoSeconds => "s ago", "秒前";
    AgoMinutes => "min ago", "分钟前";
    AgoHours => "h ago", "小时前";
    AgoDays => "d ago", "天前";
    AgoMonths => "mo ago", "个月前";
    AgoYears => "y ago", "年前";
    Status400 => "The service refused the request as invalid.", "服务认为该请求无效，已拒绝。";
    Status403 => "You are not allowed to do this.", "您无权执行此操作。";
    Status404 => "Not found: it may have been deleted, or belong to another project.", "未找到：可能已被删除，或属于其他项目。";
    Status409 => "This conflicts with the image's current state.", "与镜像的当前状态冲突。";
    Status413 => "The request is too large.", "请求过大。";
    Status5xx => "The service failed to answer. Try again later.", "服务未能应答，请稍后重试。";
    PropertyFilters => "Custom properties (key=value, comma-separated)", "自定义属性（键=值，以逗号分隔）";
    PropertyFilterInvalid => "Not a key=value pair:", "不是“键=值”形式：";
    BackendAttributes => "Kept by the service (read-only)", "由服务维护（只读）";
    MakeShared => "Make shared", "设为共享";
    MakeSharedHint => "This backend shares only images whose visibility is “shared”. Switch this image to shared first; it stays invisible to other projects until you add them.", "此后端只能共享可见性为“shared”的镜像。请先将此镜像设为共享；在添加项目之前，其他项目仍看不到它。";
}
