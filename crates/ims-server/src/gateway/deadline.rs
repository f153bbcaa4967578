//! A response body that ends in an error once the exchange's total timeout has passed, so a
//! trickling upstream cannot hold a connection forever.

use bytes::Bytes;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::time::{Instant, Sleep};

pub struct Deadline {
    inner: Incoming,
    sleep: Pin<Box<Sleep>>,
}

impl Deadline {
    pub fn new(inner: Incoming, at: Instant) -> Self {
        Deadline { inner, sleep: Box::pin(tokio::time::sleep_until(at)) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    #[error("the upstream's response body did not end within the total timeout")]
    TimedOut,
    #[error("the upstream's response body broke off: {0}")]
    Upstream(#[from] hyper::Error),
}

impl Body for Deadline {
    type Data = Bytes;
    type Error = BodyError;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, BodyError>>> {
        let this = self.get_mut();
        if this.sleep.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Some(Err(BodyError::TimedOut)));
        }
        Pin::new(&mut this.inner).poll_frame(cx).map(|f| f.map(|r| r.map_err(BodyError::from)))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
