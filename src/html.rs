//! A minimal HTML node tree, the one description of the page, and its native output: an escaping writer.
//!
//! The browser layer turns the same tree into DOM nodes (`browser::dom`). Text and attribute values are data:
//! the writer escapes them and the DOM backend passes them as text nodes and attribute values, so no string is
//! ever parsed as markup. The writer escapes exactly as browsers serialize, so the static page and the
//! browser-built tree read back as the same markup (the browser tests check that).

use crate::prelude::*;

use alloc::borrow::Cow;

/// A piece of text; borrowed from the data wherever possible.
pub type Text = Cow<'static, str>;

/// One node of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// An element with attributes and children.
    Element(Element),
    /// Text, shown as written (never parsed as markup).
    Text(Text),
}

/// An element: a tag, attributes in order, children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The lowercase tag name.
    pub tag: &'static str,
    /// Attributes, in the order they are written; names are fixed by the view, values may be data.
    pub attributes: Vec<(&'static str, Text)>,
    /// Child nodes; always empty for void elements.
    pub children: Vec<Node>,
}

/// Elements that have no end tag and no children.
const VOID_ELEMENTS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];

/// Starts an element; finish it with the builder methods.
pub fn element(tag: &'static str) -> Element {
    Element { tag, attributes: Vec::new(), children: Vec::new() }
}

/// A text node.
pub fn text(value: impl Into<Text>) -> Node {
    Node::Text(value.into())
}

impl Element {
    /// Adds an attribute.
    pub fn attr(mut self, name: &'static str, value: impl Into<Text>) -> Element {
        self.attributes.push((name, value.into()));
        self
    }

    /// Adds a `part` name for `::part()`, where `on` (in a shadow root; elsewhere it means nothing).
    pub fn part(self, on: bool, name: &'static str) -> Element {
        debug_assert!(crate::ui::PARTS.contains(&name), "{name} is not in ui::PARTS");
        if on {
            self.attr("part", name)
        } else {
            self
        }
    }

    /// Adds the class attribute.
    pub fn class(self, value: &'static str) -> Element {
        self.attr("class", value)
    }

    /// Adds one child.
    pub fn child(mut self, child: impl Into<Node>) -> Element {
        debug_assert!(!self.is_void(), "<{}> cannot have children", self.tag);
        self.children.push(child.into());
        self
    }

    /// Adds children.
    pub fn children(mut self, children: impl IntoIterator<Item = Node>) -> Element {
        self.children.extend(children);
        debug_assert!(self.children.is_empty() || !self.is_void(), "<{}> cannot have children", self.tag);
        self
    }

    /// Adds a text child.
    pub fn text(self, value: impl Into<Text>) -> Element {
        self.child(text(value))
    }

    /// Whether this element has no end tag.
    pub fn is_void(&self) -> bool {
        VOID_ELEMENTS.contains(&self.tag)
    }

    /// This element as a node.
    pub fn into_node(self) -> Node {
        Node::Element(self)
    }

    /// The value of an attribute.
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref())
    }
}

impl From<Element> for Node {
    fn from(element: Element) -> Node {
        Node::Element(element)
    }
}

impl Node {
    /// The concatenated text of this node and its descendants.
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out
    }

    fn collect_text(&self, out: &mut String) {
        match self {
            Node::Text(value) => out.push_str(value),
            Node::Element(element) => element.children.iter().for_each(|child| child.collect_text(out)),
        }
    }

    /// Writes this node as HTML.
    pub fn write_html(&self, out: &mut String) {
        match self {
            Node::Text(value) => escape_text(value, out),
            Node::Element(element) => {
                out.push('<');
                out.push_str(element.tag);
                for (name, value) in &element.attributes {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    escape_attribute(value, out);
                    out.push('"');
                }
                out.push('>');
                if !element.is_void() {
                    element.children.iter().for_each(|child| child.write_html(out));
                    out.push_str("</");
                    out.push_str(element.tag);
                    out.push('>');
                }
            }
        }
    }

    /// This node as an HTML string.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        self.write_html(&mut out);
        out
    }
}

/// Escapes text content as the HTML serialization algorithm does.
pub fn escape_text(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

/// Escapes an attribute value (always written in double quotes) as the HTML serialization algorithm does.
pub fn escape_attribute(value: &str, out: &mut String) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(node: impl Into<Node>, expected: Expect) {
        expected.assert_eq(&node.into().to_html());
    }

    #[test]
    fn text_is_escaped_so_it_can_never_become_markup() {
        check(
            element("p").text("<script>alert(1)</script> & \u{a0}\"quotes\" 'kept'"),
            expect![[r#"<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &nbsp;"quotes" 'kept'</p>"#]],
        );
    }

    #[test]
    fn attribute_values_cannot_break_out_of_their_quotes() {
        check(
            element("a").attr("href", "#x\" onclick=\"alert(1)").attr("title", "a<b>&c").text("x"),
            expect![[r##"<a href="#x&quot; onclick=&quot;alert(1)" title="a&lt;b&gt;&amp;c">x</a>"##]],
        );
    }

    #[test]
    fn void_elements_have_no_end_tag() {
        check(
            element("p").child(element("br")).child(element("input").attr("type", "search")),
            expect![[r#"<p><br><input type="search"></p>"#]],
        );
    }

    #[test]
    fn text_content_joins_descendant_text() {
        let node: Node = element("p").text("a ").child(element("b").text("b")).text(" c").into();
        assert_eq!(node.text_content(), "a b c");
    }
}
