//! The rows of the registry, in the order the detail view shows them.

use super::FieldDef as F;
use super::FilterKind::{Boolean as FBool, Exact, Integer as FInt, Time as FTime};
use super::Group::{Basic, Capabilities, Links, Os, Storage, Timestamps};
use super::ValueKind::{Boolean, ByteCount, FlagText, Integer, Text, TextList, Time};
use super::{FilterKind, ValueKind};

const STATUS: &[&str] = &["queued", "saving", "deleted", "killed", "active"];
const VISIBILITY: &[&str] = &["public", "private", "shared"];
const IMAGE_TYPE: &[&str] = &["gold", "private", "shared"];
const DISK_FORMAT: &[&str] = &["vhd", "zvhd", "zvhd2", "raw", "qcow2", "iso"];
const CONTAINER_FORMAT: &[&str] = &["bare"];
const OS_TYPE: &[&str] = &["Linux", "Windows", "Other"];
const OS_BIT: &[&str] = &["32", "64"];
const PLATFORM: &[&str] = &[
    "Windows",
    "Ubuntu",
    "RedHat",
    "SUSE",
    "CentOS",
    "Debian",
    "OpenSUSE",
    "Oracle Linux",
    "Fedora",
    "Other",
    "CoreOS",
    "EulerOS",
];
const VIRTUAL_ENV: &[&str] = &["FusionCompute", "Ironic", "DataImage", "IsoImage"];
const FIRMWARE: &[&str] = &["bios", "uefi"];
const ARCHITECTURE: &[&str] = &["x86", "arm"];

const fn e(values: &'static [&'static str]) -> ValueKind {
    ValueKind::Enum(values)
}

const fn fe(values: &'static [&'static str]) -> FilterKind {
    FilterKind::Enum(values)
}

/// Every documented attribute.
pub static FIELDS: &[F] = &[
    F::new("name", "Name", "名称", Text, Basic).filter(Exact).sort().edit().column(),
    F::new("id", "ID", "ID", Text, Basic).filter(Exact).sort(),
    F::new("status", "Status", "状态", e(STATUS), Basic).filter(fe(STATUS)).sort().column(),
    F::new("visibility", "Visibility", "可见性", e(VISIBILITY), Basic).filter(fe(VISIBILITY)),
    F::new("__imagetype", "Image type", "镜像类型", e(IMAGE_TYPE), Basic).filter(fe(IMAGE_TYPE)).column(),
    F::new("owner", "Owner", "所属项目", Text, Basic).filter(Exact),
    F::new("__description", "Description", "描述", Text, Basic).edit(),
    F::new("tags", "Tags", "标签", TextList, Basic).filter_as("tag", Exact).edit(),
    F::new("protected", "Protected", "受保护", Boolean, Basic).filter(FBool),
    F::new("enterprise_project_id", "Enterprise project", "企业项目", Text, Basic).filter(Exact),
    F::new("__isregistered", "Registered", "已注册", FlagText, Basic).filter(FBool),
    F::new("deleted", "Deleted", "已删除", Boolean, Basic),
    F::new("__os_version", "OS version", "操作系统版本", Text, Os).column(),
    F::new("__os_type", "OS type", "操作系统类型", e(OS_TYPE), Os).filter(fe(OS_TYPE)),
    F::new("__platform", "Platform", "平台", e(PLATFORM), Os).filter(fe(PLATFORM)).column(),
    F::new("__os_bit", "OS bit", "操作系统位数", e(OS_BIT), Os).filter(fe(OS_BIT)),
    F::new("architecture", "Architecture", "架构", e(ARCHITECTURE), Os).filter(fe(ARCHITECTURE)),
    F::new("hw_firmware_type", "Boot mode", "启动方式", e(FIRMWARE), Os),
    F::new("__os_feature_list", "OS features", "操作系统特性", Text, Os),
    F::new("virtual_env_type", "Environment type", "使用环境类型", e(VIRTUAL_ENV), Capabilities)
        .filter(fe(VIRTUAL_ENV)),
    F::new("__support_kvm", "KVM", "支持 KVM", FlagText, Capabilities).filter(FBool),
    F::new("__support_xen", "Xen", "支持 Xen", FlagText, Capabilities).filter(FBool),
    F::new("__support_largememory", "Large memory", "支持超大内存", FlagText, Capabilities).filter(FBool),
    F::new("__support_diskintensive", "Disk-intensive", "支持密集存储", FlagText, Capabilities).filter(FBool),
    F::new("__support_highperformance", "High performance", "支持高性能计算", FlagText, Capabilities).filter(FBool),
    F::new("__support_xen_gpu_type", "Xen GPU type", "Xen GPU 类型", Text, Capabilities).filter(Exact),
    F::new("__support_kvm_gpu_type", "KVM GPU type", "KVM GPU 类型", Text, Capabilities).filter(Exact),
    F::new("__support_xen_hana", "Xen HANA", "支持 Xen HANA", FlagText, Capabilities).filter(FBool),
    F::new("__support_kvm_infiniband", "KVM InfiniBand", "支持 KVM InfiniBand", FlagText, Capabilities).filter(FBool),
    F::new("__support_kvm_fpga_type", "KVM FPGA type", "KVM FPGA 类型", Text, Capabilities),
    F::new("__support_fc_inject", "No Cloud-Init injection", "不支持 Cloud-Init 注入", FlagText, Capabilities),
    F::new("__support_arm", "ARM", "ARM 架构", FlagText, Capabilities),
    F::new("__support_amd", "AMD", "AMD 架构", FlagText, Capabilities),
    F::new("__support_agent_list", "Agents", "支持的插件", Text, Capabilities),
    F::new("hw_vif_multiqueue_enabled", "NIC multi-queue", "网卡多队列", FlagText, Capabilities),
    F::new("__is_config_init", "Initial configuration done", "已完成初始配置", FlagText, Capabilities),
    F::new("disk_format", "Disk format", "磁盘格式", e(DISK_FORMAT), Storage).filter(fe(DISK_FORMAT)).sort().column(),
    F::new("container_format", "Container format", "容器格式", e(CONTAINER_FORMAT), Storage)
        .filter(fe(CONTAINER_FORMAT))
        .sort(),
    F::new("__image_size", "Image size", "镜像大小", ByteCount, Storage).column(),
    F::new("min_disk", "Min disk (GB)", "最小磁盘 (GB)", Integer, Storage).filter(FInt),
    F::new("min_ram", "Min RAM (MB)", "最小内存 (MB)", Integer, Storage).filter(FInt),
    F::new("max_ram", "Max RAM (MB)", "最大内存 (MB)", Text, Storage),
    F::new("size", "Size", "大小", Integer, Storage).sort(),
    F::new("virtual_size", "Virtual size", "虚拟大小", Integer, Storage),
    F::new("checksum", "Checksum", "校验和", Text, Storage),
    F::new("__image_source_type", "Storage backend", "后端存储类型", Text, Storage),
    F::new("__image_location", "Location", "存储位置", Text, Storage),
    F::new("__lazyloading", "Lazy loading", "延迟加载", FlagText, Storage),
    F::new("__system__cmkid", "Encryption key ID", "加密密钥 ID", Text, Storage).filter(Exact),
    F::new("__whole_image", "Whole-machine image", "整机镜像", Boolean, Storage).filter(FBool),
    F::new("__originalimagename", "Parent image", "父镜像", Text, Storage),
    F::new("__backup_id", "Backup ID", "备份 ID", Text, Storage),
    F::new("__data_origin", "Data origin", "镜像来源", Text, Storage),
    F::new("__root_origin", "Root origin", "根来源", Text, Storage),
    F::new("__sequence_num", "Disk slot", "系统盘插槽", Text, Storage),
    F::new("__productcode", "Market product code", "市场镜像产品 ID", Text, Storage),
    F::new("__account_code", "Charging code", "收费标识", Text, Storage),
    F::new("__system_support_market", "Can be published to market", "支持发布为市场镜像", Boolean, Storage),
    F::new("__is_offshelved", "Off the market", "已下架", FlagText, Storage),
    F::new("created_at", "Created", "创建时间", Time, Timestamps).filter(FTime).sort().column(),
    F::new("updated_at", "Updated", "更新时间", Time, Timestamps).filter(FTime),
    F::new("active_at", "Active since", "变为可用时间", Time, Timestamps),
    F::new("deleted_at", "Deleted at", "删除时间", Time, Timestamps),
    F::new("self", "Self link", "镜像链接", Text, Links),
    F::new("file", "File link", "文件链接", Text, Links),
    F::new("schema", "Schema", "架构", Text, Links),
];
