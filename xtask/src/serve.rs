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
        axum::serve(listener, app(dist_dir(), policy)).await.map_err(|e| format!("the server stopped: {e}"))
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
            if let Err(error) = axum::serve(listener, app(folder, policy)).await {
                eprintln!("xtask: the test server stopped: {error}");
            }
        })
    });
    Ok(format!("http://{address}/"))
}

/// The static site: files from `folder` with their MIME types (`.wasm` as `application/wasm`), never cached,
/// so a rebuilt site is what the browser gets. Every file may be used from another origin: `embed.js`, the
/// glue and the wasm are fetched with CORS by host pages elsewhere.
fn app(folder: PathBuf, policy: Policy) -> Router {
    // The build's .br and .gz files, chosen by Accept-Encoding, as a production server would.
    let files = ServeDir::new(folder).precompressed_br().precompressed_gzip();
    let router = Router::new().fallback_service(files);
    let router = match policy {
        Policy::None => router,
        Policy::Strict => router.layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(STRICT_CSP),
        )),
    };
    router
        .layer(SetResponseHeaderLayer::overriding(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-cache")))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
}

async fn bind(port: u16) -> Result<tokio::net::TcpListener, String> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    tokio::net::TcpListener::bind(address).await.map_err(|e| format!("cannot listen on {address}: {e}"))
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .build()
        .map_err(|e| format!("cannot start the server's runtime: {e}"))
}
