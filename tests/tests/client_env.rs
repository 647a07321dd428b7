//! `Client::from_env` reads INVENT_API_KEY and INVENT_BASE_URL. One test, in a binary of its
//! own, because it changes the process environment.

use invent::{Client, ConfigError};

#[test]
fn from_env_reads_the_key_and_base_url() {
    // SAFETY: this test binary runs this one test, so nothing else reads the environment.
    unsafe {
        std::env::remove_var("INVENT_API_KEY");
        std::env::remove_var("INVENT_BASE_URL");
    }
    let missing = Client::from_env().unwrap_err();
    assert_eq!(missing, ConfigError::MissingApiKey);
    assert!(missing.to_string().contains("INVENT_API_KEY"));

    unsafe { std::env::set_var("INVENT_API_KEY", "") };
    assert_eq!(Client::from_env().unwrap_err(), ConfigError::MissingApiKey);

    unsafe { std::env::set_var("INVENT_API_KEY", "sk_env_456") };
    let client = Client::from_env().unwrap();
    assert_eq!(client.base_url(), invent::DEFAULT_BASE_URL);
    assert!(!format!("{client:?}").contains("sk_env_456"));

    unsafe { std::env::set_var("INVENT_BASE_URL", "http://127.0.0.1:4010/") };
    assert_eq!(
        Client::from_env().unwrap().base_url(),
        "http://127.0.0.1:4010"
    );

    unsafe { std::env::set_var("INVENT_BASE_URL", "http://example.com") };
    assert!(matches!(
        Client::from_env().unwrap_err(),
        ConfigError::InvalidBaseUrl { .. }
    ));
}
