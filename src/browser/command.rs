//! Commands out: each [`Command`] that `state::update` returns, carried out on the world outside the markup
//! (history, storage, the clipboard, the host), as far as the instance's [`Mode`] allows. What must wait until
//! the state is released (a host listener may call back into the instance; a clipboard answer arrives later)
//! comes back as an [`After`].
//!
//! [`Mode`]: crate::browser::Mode

use crate::prelude::*;

use wasm_bindgen::JsValue;

use crate::browser::app::{EnhanceError, Model};
use crate::browser::window;
use crate::document::ClaimIndex;
#[cfg(feature = "embed")]
use crate::export::{QuoteOpenDetail, SectionToggleDetail};
use crate::route::{place_url, return_state, Target};
#[cfg(feature = "embed")]
use crate::state::HostEvent;
use crate::state::{Command, Msg};
use crate::storage::{OPEN_SECTIONS_KEY, THEME_KEY};

pub use crate::export::{QUOTE_OPEN_EVENT, SECTION_TOGGLE_EVENT};

/// What is done once the state is released.
pub(super) enum After {
    /// Send this event to the host (only the embeds have one).
    #[cfg(feature = "embed")]
    Send(web_sys::CustomEvent),
    /// Write a claim's address to the clipboard, then say how it went.
    Copy { claim: ClaimIndex, url: String },
    /// Send this message (the clipboard is not there to ask).
    Dispatch(Msg),
}

impl Model {
    /// Carries out one command, or says what to do once the state is released.
    pub(super) fn command(&self, command: Command) -> Result<Option<After>, EnhanceError> {
        match command {
            Command::PushUrl { target, returns_to } => {
                if self.mode.write_hash {
                    self.push_url(target, returns_to)?;
                }
            }
            Command::CopyLink(claim) => {
                let page = window().location().href().unwrap_or_default();
                let url = place_url(&page, &self.mode.id_prefix, self.document, Target::Claim(claim));
                let navigator = window().navigator();
                let has_clipboard =
                    web_sys::js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
                return Ok(Some(match has_clipboard {
                    true => After::Copy { claim, url },
                    false => After::Dispatch(Msg::CopyRefused { claim, url }),
                }));
            }
            Command::StoreTheme(theme) => {
                if let (true, Some(storage)) = (self.mode.remember, window().local_storage().ok().flatten()) {
                    // A full or refused storage only means the choice is not remembered.
                    let _ = storage.set_item(THEME_KEY, theme.name());
                }
            }
            Command::StoreOpenSections(stored) => {
                // The session's storage, if the browser allows it (a sandboxed frame or a privacy setting may
                // not: then nothing is remembered, quietly).
                if let (true, Some(storage)) = (self.mode.remember, window().session_storage().ok().flatten()) {
                    let _ = storage.set_item(OPEN_SECTIONS_KEY, &stored);
                }
            }
            // Without a host to tell (the standalone page, the frame), no event is made at all: a toggle
            // there costs the two attributes it changes. The page's module has no host ever, and carries no
            // code for events.
            #[cfg(feature = "embed")]
            Command::Send(event) if self.mode.events.is_some() => {
                return Ok(Some(After::Send(self.host_event(event)?)))
            }
            Command::Send(_) => {}
        }
        Ok(None)
    }

    /// A new history entry for a followed link, made before the page moves, so that the one left keeps the
    /// scroll position Back restores. On the standalone page, the entry left remembers the citation followed
    /// from it, for Back to return focus to it (an embed's history is the host's).
    fn push_url(
        &self,
        target: Target,
        returns_to: Option<(ClaimIndex, crate::document::AnchorIndex)>,
    ) -> Result<(), JsValue> {
        let history = window().history()?;
        if let (true, Some((claim, anchor))) = (self.mode.remember, returns_to) {
            let state = return_state(self.document, &self.mode.id_prefix, claim, anchor);
            if let Err(error) = history.replace_state(&JsValue::from_str(&state), "") {
                web_sys::console::warn_1(&error);
            }
        }
        let href = ["#", &self.mode.id_prefix, &target.fragment(self.document)].concat();
        history.push_state_with_url(&JsValue::NULL, "", Some(&href))
    }

    /// A `CustomEvent` for the host: bubbling, and composed so it leaves a shadow root.
    #[cfg(feature = "embed")]
    fn host_event(&self, event: HostEvent) -> Result<web_sys::CustomEvent, EnhanceError> {
        let (event_type, detail) = match event {
            HostEvent::SectionToggle { section, open } => {
                let id = self.document.sections[section].id;
                (SECTION_TOGGLE_EVENT, SectionToggleDetail { id, open }.to_value())
            }
            HostEvent::QuoteOpen { claim, anchor } => {
                (QUOTE_OPEN_EVENT, QuoteOpenDetail::new(self.document, claim, anchor).to_value())
            }
        };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&crate::browser::js::to_js(&detail));
        Ok(web_sys::CustomEvent::new_with_event_init_dict(event_type, &init)?)
    }
}
