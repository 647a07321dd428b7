// @generated from openapi.yaml by `cargo xtask generate` (progenitor 0.15.1, typify 0.8.0).
// Do not edit by hand: change openapi.yaml (or the generator in xtask/) and regenerate.

pub mod operations {
    //! [`When`](::httpmock::When) and [`Then`](::httpmock::Then)
    //! wrappers for each operation. Each can be converted to
    //! its inner type with a call to `into_inner()`. This can
    //! be used to explicitly deviate from permitted values.
    use invent::*;
    pub struct UpdateAssistantWhen(::httpmock::When);
    impl UpdateAssistantWhen {
        pub fn new(inner: ::httpmock::When) -> Self {
            Self(
                inner
                    .method(::httpmock::Method::PATCH)
                    .path_matches(
                        regex::Regex::new("^/orgs/[^/]*/assistants/[^/]*$").unwrap(),
                    ),
            )
        }
        pub fn into_inner(self) -> ::httpmock::When {
            self.0
        }
        pub fn org_id(self, value: &str) -> Self {
            let re = regex::Regex::new(
                    &format!(
                        "^/orgs/{}/assistants/.*$", regex::escape(&
                        invent::support::encode_path(& value.to_string()))
                    ),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        pub fn assistant_id(self, value: &str) -> Self {
            let re = regex::Regex::new(
                    &format!(
                        "^/orgs/.*/assistants/{}$", regex::escape(&
                        invent::support::encode_path(& value.to_string()))
                    ),
                )
                .unwrap();
            Self(self.0.path_matches(re))
        }
        pub fn body(self, value: &types::UpdateAssistant) -> Self {
            Self(self.0.json_body_obj(value))
        }
    }
    pub struct UpdateAssistantThen(::httpmock::Then);
    impl UpdateAssistantThen {
        pub fn new(inner: ::httpmock::Then) -> Self {
            Self(inner)
        }
        pub fn into_inner(self) -> ::httpmock::Then {
            self.0
        }
        pub fn ok(self, value: &types::Assistant) -> Self {
            Self(
                self
                    .0
                    .status(200u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn bad_request(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(400u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn unauthorized(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(401u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn not_found(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(404u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn too_many_requests(self, value: &types::ErrorBody) -> Self {
            Self(
                self
                    .0
                    .status(429u16)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
        pub fn server_error(self, status: u16, value: &types::ErrorBody) -> Self {
            assert_eq!(status / 100u16, 5u16);
            Self(
                self
                    .0
                    .status(status)
                    .header("content-type", "application/json")
                    .json_body_obj(value),
            )
        }
    }
}
/// An extension trait for [`MockServer`](::httpmock::MockServer) that
/// adds a method for each operation. These are the equivalent of
/// type-checked [`mock()`](::httpmock::MockServer::mock) calls.
pub trait MockServerExt {
    fn update_assistant<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::UpdateAssistantWhen, operations::UpdateAssistantThen);
}
impl MockServerExt for ::httpmock::MockServer {
    fn update_assistant<F>(&self, config_fn: F) -> ::httpmock::Mock<'_>
    where
        F: FnOnce(operations::UpdateAssistantWhen, operations::UpdateAssistantThen),
    {
        self.mock(|when, then| {
            config_fn(
                operations::UpdateAssistantWhen::new(when),
                operations::UpdateAssistantThen::new(then),
            )
        })
    }
}
