//! The server's clock, in the API's whole-second UTC timestamps.

use ims_core::time::Timestamp;
use std::time::{SystemTime, UNIX_EPOCH};

/// Now, to the second.
pub fn now() -> Timestamp {
    Timestamp(SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64))
}
