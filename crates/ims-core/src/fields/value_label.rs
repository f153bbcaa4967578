//! Simplified Chinese names of the documented vocabulary values, as the IMS documents describe
//! them (`queued：表示镜像元数据已经创建成功…`). English shows the wire value itself: it is the
//! API's own word. A value with no name here (a Glance format, a newer status) shows as sent.

/// `(field, value, name)`: the values a person reads on a Chinese page.
const ZH: &[(&str, &str, &str)] = &[
    ("status", "queued", "等待上传"),
    ("status", "saving", "上传中"),
    ("status", "active", "正常"),
    ("status", "killed", "上传失败"),
    ("status", "deleted", "已删除"),
    ("status", "deactivated", "已停用"),
    ("status", "uploading", "上传中"),
    ("status", "importing", "导入中"),
    ("status", "pending_delete", "待删除"),
    ("visibility", "private", "私有"),
    ("visibility", "public", "公共"),
    ("visibility", "shared", "共享"),
    ("visibility", "community", "社区"),
    ("__imagetype", "gold", "公共镜像"),
    ("__imagetype", "private", "私有镜像"),
    ("__imagetype", "shared", "共享镜像"),
    ("__imagetype", "market", "市场镜像"),
    ("member_status", "pending", "待接受"),
    ("member_status", "accepted", "已接受"),
    ("member_status", "rejected", "已拒绝"),
    ("__os_type", "Other", "其他"),
    ("__platform", "Other", "其他"),
];

/// The Chinese name of `value` of attribute `wire`, if it is a documented value.
pub fn value_label_zh(wire: &str, value: &str) -> Option<&'static str> {
    ZH.iter().find(|(f, v, _)| *f == wire && *v == value).map(|(_, _, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::value_label_zh;
    use crate::fields::{field, ValueKind};

    #[test]
    fn every_documented_status_and_visibility_has_a_chinese_name() {
        for wire in ["status", "visibility", "__imagetype"] {
            let Some(ValueKind::Enum(values)) = field(wire).map(|f| f.kind) else { panic!("{wire} is an enum") };
            for value in values.iter() {
                assert!(value_label_zh(wire, value).is_some(), "{wire}={value} has no Chinese name");
            }
        }
    }

    #[test]
    fn an_unknown_value_or_field_has_no_name_and_shows_as_sent() {
        assert_eq!(value_label_zh("status", "active"), Some("正常"));
        assert_eq!(value_label_zh("status", "Active"), None);
        assert_eq!(value_label_zh("disk_format", "qcow2"), None);
        assert_eq!(value_label_zh("__platform", "Ubuntu"), None);
        assert_eq!(value_label_zh("member_status", "accepted"), Some("已接受"));
    }
}
