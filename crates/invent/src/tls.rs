//! Which TLS the SDK's HTTP client uses: rustls with the provider the application installed
//! first, else ring (`tls-ring`, the default) or aws-lc-rs (`tls-aws-lc`); or `native-tls`.

use crate::ConfigError;

/// Makes sure reqwest finds a rustls crypto provider when it builds a client; without one it
/// would panic. An application's own provider (installed before the first client) wins.
pub(crate) fn ensure_provider() -> Result<(), ConfigError> {
    let chosen_by_reqwest = cfg!(feature = "tls-aws-lc") || cfg!(feature = "native-tls");
    if chosen_by_reqwest || rustls::crypto::CryptoProvider::get_default().is_some() {
        // With `tls-aws-lc` reqwest falls back to aws-lc-rs; `native-tls` replaces rustls.
        return Ok(());
    }
    #[cfg(feature = "tls-ring")]
    {
        // `Err` means another thread installed one meanwhile: that one is used.
        let _ = rustls::crypto::ring::default_provider().install_default();
        Ok(())
    }
    #[cfg(not(feature = "tls-ring"))]
    Err(ConfigError::Http(
        "no TLS crypto provider: enable the `tls-ring`, `tls-aws-lc` or `native-tls` feature of `invent`, or \
         install one with `rustls::crypto::CryptoProvider::install_default` first"
            .to_string(),
    ))
}

#[cfg(all(test, feature = "tls-ring", not(feature = "tls-aws-lc")))]
mod tests {
    #[test]
    fn the_default_build_installs_ring_when_nothing_else_is_installed() {
        super::ensure_provider().unwrap();
        let installed = rustls::crypto::CryptoProvider::get_default().expect("a provider");
        let ring = rustls::crypto::ring::default_provider();
        assert_eq!(
            format!("{:?}", installed.cipher_suites),
            format!("{:?}", ring.cipher_suites)
        );
        // What reqwest needs now holds: a client builds without panicking.
        reqwest::Client::builder().build().unwrap();
    }
}
