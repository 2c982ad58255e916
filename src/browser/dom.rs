//! The DOM output of the view: builds real nodes from a [`Node`] tree, text as text nodes, never parsing markup.

use wasm_bindgen::JsValue;

use crate::html::Node;

/// Creates the DOM nodes for `node` (and its descendants) in `document`, detached.
pub fn build(document: &web_sys::Document, node: &Node) -> Result<web_sys::Node, JsValue> {
    match node {
        Node::Text(value) => Ok(document.create_text_node(value).into()),
        Node::Element(element) => {
            let dom = document.create_element(element.tag)?;
            for (name, value) in &element.attributes {
                dom.set_attribute(name, value)?;
            }
            for child in &element.children {
                dom.append_child(&build(document, child)?)?;
            }
            Ok(dom.into())
        }
    }
}
