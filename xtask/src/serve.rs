//! `cargo xtask serve`: serves `dist/` over HTTP with a real static file server (tower-http's `ServeDir`);
//! with `--csp`, under the strict Content Security Policy the site is built to work under ([`STRICT_CSP`]).
//! The end-to-end tests always run against the strict server.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use axum::http::{header, HeaderValue};
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::dist::{dist, dist_dir};

/// The policy: nothing from elsewhere, no inline script or style, wasm compiled only from fetched modules,
/// and no string may reach an HTML or script sink (Trusted Types).
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

/// Whether to send [`STRICT_CSP`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// No policy header (a plain static host).
    None,
    /// The strict policy on every response.
    Strict,
}

/// Builds the site, then serves it on `port` until interrupted.
pub fn build_and_serve(port: u16, policy: Policy) -> Result<(), String> {
    dist()?;
    let runtime = runtime()?;
    runtime.block_on(async {
        let listener = bind(port).await?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        let under = if policy == Policy::Strict { " under the strict CSP" } else { "" };
        println!("Serving {} at http://{address}/{under} (Ctrl-C to stop)", dist_dir().display());
        axum::serve(listener, app(dist_dir(), policy, Router::new()))
            .await
            .map_err(|e| format!("the server stopped: {e}"))
    })
}

/// A server for `folder` on an ephemeral port of 127.0.0.1, running on its own thread for the life of the
/// process. Returns its base URL.
pub fn spawn(folder: PathBuf, policy: Policy) -> Result<String, String> {
    let runtime = runtime()?;
    let listener = runtime.block_on(bind(0))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || {
        runtime.block_on(async {
            if let Err(error) = axum::serve(listener, app(folder, policy, Router::new())).await {
                eprintln!("xtask: the test server stopped: {error}");
            }
        })
    });
    Ok(format!("http://{address}/"))
}

/// The static site: files from `folder` with their MIME types (`.wasm` as `application/wasm`) and the cache
/// headers a production host sends ([`cache_control`]; a rebuilt site renames every changed file it loads,
/// and its pages are revalidated, so a reload gets the new build). Every file may be used from another origin: `embed.js`, the
/// glue and the wasm are fetched with CORS by host pages elsewhere. `routes` come first (the development
/// server's status), under the same headers.
pub fn app(folder: PathBuf, policy: Policy, routes: Router) -> Router {
    // The build's .br and .gz files, chosen by Accept-Encoding, as a production server would.
    let files = ServeDir::new(folder).precompressed_br().precompressed_gzip();
    let router = routes.fallback_service(files);
    let router = match policy {
        Policy::None => router,
        Policy::Strict => router.layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(STRICT_CSP),
        )),
    };
    router
        .layer(SetResponseHeaderLayer::overriding(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")))
        .layer(axum::middleware::from_fn(with_cache_control))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
}

/// A year, for files named by their content (`assets/`): a new build gives a changed file a new name, so
/// a copy kept is never stale.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Five minutes, then asked again: the scripts a host page names (`embed.js`, `api.js`, `frame-resize.js`,
/// and a release's copies under `v/`), so that a new release reaches host pages within minutes.
pub const SHORT: &str = "public, max-age=300, must-revalidate";
/// Asked again every time (a `304` when unchanged): the pages, the manifest, and `pkg/`, whose glue and
/// wasm keep their names and must not be paired across releases. Errors too: a missing file may appear.
pub const REVALIDATE: &str = "no-cache";

/// The `Cache-Control` a production host sends for `path` (a request's path), answered with `status`.
pub fn cache_control(path: &str, status: axum::http::StatusCode) -> &'static str {
    let path = path.trim_start_matches('/');
    let revalidate = path.is_empty()
        || path.ends_with('/')
        || path.ends_with(".html")
        || path.starts_with("pkg/")
        || path == crate::fingerprint::MANIFEST;
    if !(status.is_success() || status == axum::http::StatusCode::NOT_MODIFIED) || revalidate {
        REVALIDATE
    } else if path.starts_with(&format!("{}/", crate::fingerprint::ASSETS)) {
        IMMUTABLE
    } else {
        SHORT
    }
}

async fn with_cache_control(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let path = request.uri().path().to_string();
    let mut response = next.run(request).await;
    let value = cache_control(&path, response.status());
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

pub async fn bind(port: u16) -> Result<tokio::net::TcpListener, String> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    tokio::net::TcpListener::bind(address).await.map_err(|e| format!("cannot listen on {address}: {e}"))
}

pub fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    #[test]
    fn hashed_files_are_kept_a_year_entry_scripts_minutes_and_pages_are_revalidated() {
        let ok = StatusCode::OK;
        assert_eq!(cache_control("/assets/explainer_bg.0123abcd.wasm", ok), IMMUTABLE);
        assert_eq!(cache_control("/assets/style.0123abcd.css", StatusCode::NOT_MODIFIED), IMMUTABLE);
        for script in ["/embed.js", "/api.js", "/frame-resize.js", "/v/0.1.0/embed.js", "/favicon.svg"] {
            assert_eq!(cache_control(script, ok), SHORT, "{script}");
        }
        for page in
            ["/", "/index.html", "/frame.html", "/v/0.1.0/frame.html", "/pkg/summit_explainer.js", "/assets.json"]
        {
            assert_eq!(cache_control(page, ok), REVALIDATE, "{page}");
        }
        assert_eq!(
            cache_control("/assets/gone.0123abcd.js", StatusCode::NOT_FOUND),
            REVALIDATE,
            "never a 404 for a year"
        );
    }
}
