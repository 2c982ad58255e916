//! The DOM listeners an explainer holds: each one counts itself while it lives, so the leak tests can see that
//! every listener goes with its explainer.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use web_sys::{Event, EventTarget};

thread_local! {
    /// How many listeners the explainers have added and not yet removed.
    static LISTENERS: Cell<usize> = const { Cell::new(0) };
}

/// How many DOM listeners all explainers in this page hold now (for leak tests).
pub fn live_listeners() -> usize {
    LISTENERS.with(Cell::get)
}

/// A DOM listener that counts itself: removed (and uncounted) when dropped, which is when its explainer is.
#[must_use = "a listener listens only while it is kept"]
pub struct Listener {
    _listener: EventListener,
}

/// Whether a handler may cancel its event's default action. A passive listener tells the browser it never
/// will, so scrolling and typing never wait for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancels {
    /// It calls `preventDefault` (a link it follows itself, a key it handles).
    Yes,
    /// It never does: the listener is passive.
    No,
}

impl Listener {
    /// Listens for `event_type` on `target`, calling `handler` with `model` and the event.
    pub fn new<M: 'static>(
        target: &EventTarget,
        event_type: &'static str,
        cancels: Cancels,
        model: &Rc<RefCell<M>>,
        handler: fn(&Rc<RefCell<M>>, &Event),
    ) -> Listener {
        let model = Rc::clone(model);
        let options = match cancels {
            Cancels::Yes => EventListenerOptions::enable_prevent_default(),
            Cancels::No => EventListenerOptions::default(),
        };
        let listener =
            EventListener::new_with_options(target, event_type, options, move |event| handler(&model, event));
        LISTENERS.with(|count| count.set(count.get() + 1));
        Listener { _listener: listener }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        LISTENERS.with(|count| count.set(count.get() - 1));
    }
}
