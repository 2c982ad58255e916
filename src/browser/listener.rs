//! The DOM listeners an explainer holds: each one counts itself while it lives, so the leak tests can see that
//! every listener goes with its explainer.

use alloc::boxed::Box;
use alloc::rc::Rc;
use core::cell::RefCell;
use core::sync::atomic::{AtomicUsize, Ordering};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AddEventListenerOptions, Event, EventTarget};

/// How many listeners the explainers have added and not yet removed.
static LISTENERS: AtomicUsize = AtomicUsize::new(0);

/// How many DOM listeners all explainers in this page hold now (for leak tests).
pub fn live_listeners() -> usize {
    LISTENERS.load(Ordering::Relaxed)
}

/// A DOM listener that counts itself: removed (and uncounted) when dropped, which is when its explainer is.
#[must_use = "a listener listens only while it is kept"]
pub struct Listener {
    target: EventTarget,
    event_type: &'static str,
    /// `Fn`, not `FnMut`: a listener may run again while it runs (a focus listener of the page's that clicks a
    /// header while a click moves focus), which wasm-bindgen refuses for an `FnMut`; the handlers only borrow.
    callback: Closure<dyn Fn(Event)>,
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
        let callback = Closure::wrap(Box::new(move |event: Event| handler(&model, &event)) as Box<dyn Fn(Event)>);
        let options = AddEventListenerOptions::new();
        options.set_passive(cancels == Cancels::No);
        // `addEventListener` throws for no event target and no function, and this has both.
        let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
            event_type,
            callback.as_ref().unchecked_ref(),
            &options,
        );
        LISTENERS.fetch_add(1, Ordering::Relaxed);
        Listener { target: target.clone(), event_type, callback }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ =
            self.target.remove_event_listener_with_callback(self.event_type, self.callback.as_ref().unchecked_ref());
        LISTENERS.fetch_sub(1, Ordering::Relaxed);
    }
}
