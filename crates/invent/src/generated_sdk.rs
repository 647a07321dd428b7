// @generated from openapi.yaml by `cargo xtask generate` (progenitor 0.15.1, typify 0.8.0).
// Do not edit by hand: change openapi.yaml (or the generator in xtask/) and regenerate.

use crate::support::encode_path;
#[allow(unused_imports)]
pub use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///Configuration of an action.
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema, Default)]
    pub struct ActionConfig {
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: vec :: Vec < ActionDefinition >")]
        pub definitions: ::std::option::Option<::std::vec::Vec<ActionDefinition>>,
        ///A free-form object (any properties).
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(
            with = ":: serde_json :: Map < :: std :: string :: String , :: serde_json :: Value >"
        )]
        pub input: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl ActionConfig {
        pub fn builder() -> builder::ActionConfig {
            Default::default()
        }
    }
    ///A definition used by an action.
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema, Default)]
    pub struct ActionDefinition {
        ///A free-form object (any properties).
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(
            with = ":: serde_json :: Map < :: std :: string :: String , :: serde_json :: Value >"
        )]
        pub definition: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub path: ::std::option::Option<::std::string::String>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl ActionDefinition {
        pub fn builder() -> builder::ActionDefinition {
            Default::default()
        }
    }
    ///Schema for an assistant
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema)]
    pub struct Assistant {
        pub actions: ::std::vec::Vec<AssistantAction>,
        ///The URL of the avatar photo
        #[serde(deserialize_with = "::std::option::Option::deserialize")]
        #[schemars(with = "crate :: support :: Nullable < :: std :: string :: String >")]
        pub avatar_url: ::std::option::Option<::std::string::String>,
        pub config: AssistantConfig,
        #[serde(deserialize_with = "::std::option::Option::deserialize")]
        #[schemars(with = "crate :: support :: Nullable < :: invent :: Timestamp >")]
        pub created_at: ::std::option::Option<::invent::Timestamp>,
        ///Whether the assistant has been soft-deleted
        pub deleted: bool,
        ///Whether the assistant is enabled
        pub enabled: bool,
        pub id: ::std::string::String,
        pub integrations: ::std::vec::Vec<AssistantIntegration>,
        ///The name of the assistant
        pub name: ::std::string::String,
        ///The secret key to create session hashes
        #[serde(deserialize_with = "::std::option::Option::deserialize")]
        #[schemars(
            with = "crate :: support :: Nullable < crate :: Secret < :: std :: string :: String > >"
        )]
        pub secret_key: ::std::option::Option<crate::Secret<::std::string::String>>,
        #[serde(deserialize_with = "::std::option::Option::deserialize")]
        #[schemars(with = "crate :: support :: Nullable < :: invent :: Timestamp >")]
        pub updated_at: ::std::option::Option<::invent::Timestamp>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl Assistant {
        pub fn builder() -> builder::Assistant {
            Default::default()
        }
    }
    ///An action an assistant can take.
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema, Default)]
    pub struct AssistantAction {
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub action_id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub assistant_id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "ActionConfig")]
        pub config: ::std::option::Option<ActionConfig>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub connection_id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: invent :: Timestamp")]
        pub created_at: ::std::option::Option<::invent::Timestamp>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enabled: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub instructions: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub name: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: invent :: Timestamp")]
        pub updated_at: ::std::option::Option<::invent::Timestamp>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl AssistantAction {
        pub fn builder() -> builder::AssistantAction {
            Default::default()
        }
    }
    ///Schema for the configuration of an assistant
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema, Default)]
    pub struct AssistantConfig {
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "ConversationSettings")]
        pub conversation: ::std::option::Option<ConversationSettings>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub instructions: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "KnowledgeScope")]
        pub knowledge_scope: ::std::option::Option<KnowledgeScope>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "Language")]
        pub language: ::std::option::Option<Language>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "SpeechToText")]
        pub stt: ::std::option::Option<SpeechToText>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub timezone: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "TextToSpeech")]
        pub tts: ::std::option::Option<TextToSpeech>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl AssistantConfig {
        pub fn builder() -> builder::AssistantConfig {
            Default::default()
        }
    }
    ///An integration connected to an assistant.
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema, Default)]
    pub struct AssistantIntegration {
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub assistant_id: ::std::option::Option<::std::string::String>,
        ///A free-form object (any properties).
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(
            with = ":: serde_json :: Map < :: std :: string :: String , :: serde_json :: Value >"
        )]
        pub config: ::std::option::Option<
            ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        >,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub connection_id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: invent :: Timestamp")]
        pub created_at: ::std::option::Option<::invent::Timestamp>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enabled: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub error: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub id: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "IntegrationKind")]
        pub integration_id: ::std::option::Option<IntegrationKind>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: invent :: Timestamp")]
        pub updated_at: ::std::option::Option<::invent::Timestamp>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl AssistantIntegration {
        pub fn builder() -> builder::AssistantIntegration {
            Default::default()
        }
    }
    ///Conversation settings of an assistant.
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema, Default)]
    pub struct ConversationSettings {
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub auto_intro_message: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enable_auto_csat: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enable_auto_follow_ups: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enable_auto_resolve: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enable_block_contact_tool: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enable_end_conversation_tool: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enable_memories: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enable_private_chats: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enable_transfer_to_human_tool: ::std::option::Option<bool>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: vec :: Vec < :: std :: string :: String >")]
        pub suggested_messages: ::std::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "ThreadMode")]
        pub thread_mode: ::std::option::Option<ThreadMode>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub welcome_banner: ::std::option::Option<::std::string::String>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl ConversationSettings {
        pub fn builder() -> builder::ConversationSettings {
            Default::default()
        }
    }
    ///The body of an error response. Its shape is not documented, so any JSON object is accepted.
    #[derive(
        ::serde::Deserialize,
        ::serde::Serialize,
        Clone,
        Debug,
        PartialEq,
        schemars::JsonSchema
    )]
    #[serde(transparent)]
    pub struct ErrorBody(
        pub ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    );
    impl ::std::ops::Deref for ErrorBody {
        type Target = ::serde_json::Map<::std::string::String, ::serde_json::Value>;
        fn deref(
            &self,
        ) -> &::serde_json::Map<::std::string::String, ::serde_json::Value> {
            &self.0
        }
    }
    impl ::std::convert::From<ErrorBody>
    for ::serde_json::Map<::std::string::String, ::serde_json::Value> {
        fn from(value: ErrorBody) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<
        ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    > for ErrorBody {
        fn from(
            value: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Self {
            Self(value)
        }
    }
    ///The API reference shows only `internal`; the full set of values is not public.
    ///
    /// Open: a value this version of the SDK does not know is kept in [`Unknown`](Self::Unknown) and sent back exactly as received.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum IntegrationKind {
        ///`internal`
        Internal,
        /// A value the spec does not document, kept exactly as received.
        Unknown(::std::string::String),
    }
    impl IntegrationKind {
        /// Every value the spec documents.
        pub const KNOWN: &'static [IntegrationKind] = &[IntegrationKind::Internal];
        /// The value as it is sent on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Internal => "internal",
                Self::Unknown(value) => value.as_str(),
            }
        }
        /// `true` for a value the spec does not document.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
        fn known(value: &str) -> ::std::option::Option<Self> {
            match value {
                "internal" => Some(Self::Internal),
                _ => None,
            }
        }
    }
    impl ::std::convert::From<&str> for IntegrationKind {
        fn from(value: &str) -> Self {
            Self::known(value).unwrap_or_else(|| Self::Unknown(value.to_owned()))
        }
    }
    impl ::std::convert::From<::std::string::String> for IntegrationKind {
        fn from(value: ::std::string::String) -> Self {
            Self::known(&value).unwrap_or(Self::Unknown(value))
        }
    }
    impl ::std::str::FromStr for IntegrationKind {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for IntegrationKind {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for IntegrationKind {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for IntegrationKind {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            crate::support::deserialize_open_enum(deserializer)
        }
    }
    impl schemars::JsonSchema for IntegrationKind {
        fn schema_name() -> ::std::string::String {
            stringify!(IntegrationKind).to_string()
        }
        fn json_schema(
            _: &mut schemars::r#gen::SchemaGenerator,
        ) -> schemars::schema::Schema {
            schemars::schema::Schema::Object(schemars::schema::SchemaObject {
                metadata: Some(
                    ::std::boxed::Box::new(schemars::schema::Metadata {
                        description: Some(
                            "The API reference shows only `internal`; the full set of values is not public."
                                .to_string(),
                        ),
                        ..Default::default()
                    }),
                ),
                instance_type: Some(schemars::schema::InstanceType::String.into()),
                enum_values: Some(vec!["internal".into()]),
                ..Default::default()
            })
        }
    }
    ///The API reference shows only `all`; the full set of values is not public.
    ///
    /// Open: a value this version of the SDK does not know is kept in [`Unknown`](Self::Unknown) and sent back exactly as received.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum KnowledgeScope {
        ///`all`
        All,
        /// A value the spec does not document, kept exactly as received.
        Unknown(::std::string::String),
    }
    impl KnowledgeScope {
        /// Every value the spec documents.
        pub const KNOWN: &'static [KnowledgeScope] = &[KnowledgeScope::All];
        /// The value as it is sent on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::All => "all",
                Self::Unknown(value) => value.as_str(),
            }
        }
        /// `true` for a value the spec does not document.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
        fn known(value: &str) -> ::std::option::Option<Self> {
            match value {
                "all" => Some(Self::All),
                _ => None,
            }
        }
    }
    impl ::std::convert::From<&str> for KnowledgeScope {
        fn from(value: &str) -> Self {
            Self::known(value).unwrap_or_else(|| Self::Unknown(value.to_owned()))
        }
    }
    impl ::std::convert::From<::std::string::String> for KnowledgeScope {
        fn from(value: ::std::string::String) -> Self {
            Self::known(&value).unwrap_or(Self::Unknown(value))
        }
    }
    impl ::std::str::FromStr for KnowledgeScope {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for KnowledgeScope {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for KnowledgeScope {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for KnowledgeScope {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            crate::support::deserialize_open_enum(deserializer)
        }
    }
    impl schemars::JsonSchema for KnowledgeScope {
        fn schema_name() -> ::std::string::String {
            stringify!(KnowledgeScope).to_string()
        }
        fn json_schema(
            _: &mut schemars::r#gen::SchemaGenerator,
        ) -> schemars::schema::Schema {
            schemars::schema::Schema::Object(schemars::schema::SchemaObject {
                metadata: Some(
                    ::std::boxed::Box::new(schemars::schema::Metadata {
                        description: Some(
                            "The API reference shows only `all`; the full set of values is not public."
                                .to_string(),
                        ),
                        ..Default::default()
                    }),
                ),
                instance_type: Some(schemars::schema::InstanceType::String.into()),
                enum_values: Some(vec!["all".into()]),
                ..Default::default()
            })
        }
    }
    ///The API reference shows only `auto`; the full set of values is not public.
    ///
    /// Open: a value this version of the SDK does not know is kept in [`Unknown`](Self::Unknown) and sent back exactly as received.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Language {
        ///`auto`
        Auto,
        /// A value the spec does not document, kept exactly as received.
        Unknown(::std::string::String),
    }
    impl Language {
        /// Every value the spec documents.
        pub const KNOWN: &'static [Language] = &[Language::Auto];
        /// The value as it is sent on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::Auto => "auto",
                Self::Unknown(value) => value.as_str(),
            }
        }
        /// `true` for a value the spec does not document.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
        fn known(value: &str) -> ::std::option::Option<Self> {
            match value {
                "auto" => Some(Self::Auto),
                _ => None,
            }
        }
    }
    impl ::std::convert::From<&str> for Language {
        fn from(value: &str) -> Self {
            Self::known(value).unwrap_or_else(|| Self::Unknown(value.to_owned()))
        }
    }
    impl ::std::convert::From<::std::string::String> for Language {
        fn from(value: ::std::string::String) -> Self {
            Self::known(&value).unwrap_or(Self::Unknown(value))
        }
    }
    impl ::std::str::FromStr for Language {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for Language {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for Language {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for Language {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            crate::support::deserialize_open_enum(deserializer)
        }
    }
    impl schemars::JsonSchema for Language {
        fn schema_name() -> ::std::string::String {
            stringify!(Language).to_string()
        }
        fn json_schema(
            _: &mut schemars::r#gen::SchemaGenerator,
        ) -> schemars::schema::Schema {
            schemars::schema::Schema::Object(schemars::schema::SchemaObject {
                metadata: Some(
                    ::std::boxed::Box::new(schemars::schema::Metadata {
                        description: Some(
                            "The API reference shows only `auto`; the full set of values is not public."
                                .to_string(),
                        ),
                        ..Default::default()
                    }),
                ),
                instance_type: Some(schemars::schema::InstanceType::String.into()),
                enum_values: Some(vec!["auto".into()]),
                ..Default::default()
            })
        }
    }
    ///Speech-to-text settings of an assistant.
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema, Default)]
    pub struct SpeechToText {
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl SpeechToText {
        pub fn builder() -> builder::SpeechToText {
            Default::default()
        }
    }
    ///Text-to-speech settings of an assistant.
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema, Default)]
    pub struct TextToSpeech {
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub model: ::std::option::Option<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = ":: std :: string :: String")]
        pub voice_id: ::std::option::Option<::std::string::String>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl TextToSpeech {
        pub fn builder() -> builder::TextToSpeech {
            Default::default()
        }
    }
    ///The API reference shows only `new`; the full set of values is not public.
    ///
    /// Open: a value this version of the SDK does not know is kept in [`Unknown`](Self::Unknown) and sent back exactly as received.
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ThreadMode {
        ///`new`
        New,
        /// A value the spec does not document, kept exactly as received.
        Unknown(::std::string::String),
    }
    impl ThreadMode {
        /// Every value the spec documents.
        pub const KNOWN: &'static [ThreadMode] = &[ThreadMode::New];
        /// The value as it is sent on the wire.
        pub fn as_str(&self) -> &str {
            match self {
                Self::New => "new",
                Self::Unknown(value) => value.as_str(),
            }
        }
        /// `true` for a value the spec does not document.
        pub fn is_unknown(&self) -> bool {
            matches!(self, Self::Unknown(_))
        }
        fn known(value: &str) -> ::std::option::Option<Self> {
            match value {
                "new" => Some(Self::New),
                _ => None,
            }
        }
    }
    impl ::std::convert::From<&str> for ThreadMode {
        fn from(value: &str) -> Self {
            Self::known(value).unwrap_or_else(|| Self::Unknown(value.to_owned()))
        }
    }
    impl ::std::convert::From<::std::string::String> for ThreadMode {
        fn from(value: ::std::string::String) -> Self {
            Self::known(&value).unwrap_or(Self::Unknown(value))
        }
    }
    impl ::std::str::FromStr for ThreadMode {
        type Err = ::std::convert::Infallible;
        fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl ::std::fmt::Display for ThreadMode {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for ThreadMode {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for ThreadMode {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<Self, D::Error> {
            crate::support::deserialize_open_enum(deserializer)
        }
    }
    impl schemars::JsonSchema for ThreadMode {
        fn schema_name() -> ::std::string::String {
            stringify!(ThreadMode).to_string()
        }
        fn json_schema(
            _: &mut schemars::r#gen::SchemaGenerator,
        ) -> schemars::schema::Schema {
            schemars::schema::Schema::Object(schemars::schema::SchemaObject {
                metadata: Some(
                    ::std::boxed::Box::new(schemars::schema::Metadata {
                        description: Some(
                            "The API reference shows only `new`; the full set of values is not public."
                                .to_string(),
                        ),
                        ..Default::default()
                    }),
                ),
                instance_type: Some(schemars::schema::InstanceType::String.into()),
                enum_values: Some(vec!["new".into()]),
                ..Default::default()
            })
        }
    }
    ///Schema for updating an existing assistant
    #[derive(Clone, Debug, PartialEq, schemars::JsonSchema, Default)]
    pub struct UpdateAssistant {
        ///The ID of the avatar file id
        #[serde(default, skip_serializing_if = "crate::Patch::is_absent")]
        pub avatar_id: crate::Patch<::std::string::String>,
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "AssistantConfig")]
        pub config: ::std::option::Option<AssistantConfig>,
        ///Whether the assistant is enabled
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "bool")]
        pub enabled: ::std::option::Option<bool>,
        ///The name of the assistant
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        #[schemars(with = "UpdateAssistantName")]
        pub name: ::std::option::Option<UpdateAssistantName>,
        #[serde(flatten)]
        pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    }
    impl UpdateAssistant {
        pub fn builder() -> builder::UpdateAssistant {
            Default::default()
        }
    }
    ///The name of the assistant
    #[derive(
        ::serde::Serialize,
        Clone,
        Debug,
        Eq,
        Hash,
        Ord,
        PartialEq,
        PartialOrd,
        schemars::JsonSchema
    )]
    #[serde(transparent)]
    pub struct UpdateAssistantName(::std::string::String);
    impl ::std::ops::Deref for UpdateAssistantName {
        type Target = ::std::string::String;
        fn deref(&self) -> &::std::string::String {
            &self.0
        }
    }
    impl ::std::convert::From<UpdateAssistantName> for ::std::string::String {
        fn from(value: UpdateAssistantName) -> Self {
            value.0
        }
    }
    impl ::std::str::FromStr for UpdateAssistantName {
        type Err = self::error::ConversionError;
        fn from_str(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            if value.chars().count() > 1024usize {
                return Err(
                    "`UpdateAssistant.name` is longer than 1024 characters".into(),
                );
            }
            if value.chars().count() < 1usize {
                return Err("`UpdateAssistant.name` is shorter than 1 characters".into());
            }
            Ok(Self(value.to_string()))
        }
    }
    impl ::std::convert::TryFrom<&str> for UpdateAssistantName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: &str,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl ::std::convert::TryFrom<::std::string::String> for UpdateAssistantName {
        type Error = self::error::ConversionError;
        fn try_from(
            value: ::std::string::String,
        ) -> ::std::result::Result<Self, self::error::ConversionError> {
            value.parse()
        }
    }
    impl<'de> ::serde::Deserialize<'de> for UpdateAssistantName {
        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
        where
            D: ::serde::Deserializer<'de>,
        {
            ::std::string::String::deserialize(deserializer)?
                .parse()
                .map_err(|e: self::error::ConversionError| {
                    <D::Error as ::serde::de::Error>::custom(e.to_string())
                })
        }
    }
    /// Types for composing complex structures.
    pub mod builder {
        #[derive(Clone, Debug)]
        pub struct ActionConfig {
            definitions: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<super::ActionDefinition>>,
                ::std::string::String,
            >,
            input: ::std::result::Result<
                ::std::option::Option<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ActionConfig {
            fn default() -> Self {
                Self {
                    definitions: Ok(Default::default()),
                    input: Ok(Default::default()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl ActionConfig {
            pub fn definitions<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::ActionDefinition>>,
                T::Error: ::std::fmt::Display,
            {
                self.definitions = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for definitions: {e}")
                    });
                self
            }
            pub fn input<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.input = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for input: {e}")
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ActionConfig> for super::ActionConfig {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ActionConfig,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    definitions: value.definitions?,
                    input: value.input?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::ActionConfig> for ActionConfig {
            fn from(value: super::ActionConfig) -> Self {
                Self {
                    definitions: Ok(value.definitions),
                    input: Ok(value.input),
                    extra: Ok(value.extra),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ActionDefinition {
            definition: ::std::result::Result<
                ::std::option::Option<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                ::std::string::String,
            >,
            path: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ActionDefinition {
            fn default() -> Self {
                Self {
                    definition: Ok(Default::default()),
                    path: Ok(Default::default()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl ActionDefinition {
            pub fn definition<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.definition = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for definition: {e}")
                    });
                self
            }
            pub fn path<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.path = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for path: {e}")
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ActionDefinition> for super::ActionDefinition {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ActionDefinition,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    definition: value.definition?,
                    path: value.path?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::ActionDefinition> for ActionDefinition {
            fn from(value: super::ActionDefinition) -> Self {
                Self {
                    definition: Ok(value.definition),
                    path: Ok(value.path),
                    extra: Ok(value.extra),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct Assistant {
            actions: ::std::result::Result<
                ::std::vec::Vec<super::AssistantAction>,
                ::std::string::String,
            >,
            avatar_url: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            config: ::std::result::Result<super::AssistantConfig, ::std::string::String>,
            created_at: ::std::result::Result<
                ::std::option::Option<::invent::Timestamp>,
                ::std::string::String,
            >,
            deleted: ::std::result::Result<bool, ::std::string::String>,
            enabled: ::std::result::Result<bool, ::std::string::String>,
            id: ::std::result::Result<::std::string::String, ::std::string::String>,
            integrations: ::std::result::Result<
                ::std::vec::Vec<super::AssistantIntegration>,
                ::std::string::String,
            >,
            name: ::std::result::Result<::std::string::String, ::std::string::String>,
            secret_key: ::std::result::Result<
                ::std::option::Option<crate::Secret<::std::string::String>>,
                ::std::string::String,
            >,
            updated_at: ::std::result::Result<
                ::std::option::Option<::invent::Timestamp>,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for Assistant {
            fn default() -> Self {
                Self {
                    actions: Err("no value supplied for actions".to_string()),
                    avatar_url: Err("no value supplied for avatar_url".to_string()),
                    config: Err("no value supplied for config".to_string()),
                    created_at: Err("no value supplied for created_at".to_string()),
                    deleted: Err("no value supplied for deleted".to_string()),
                    enabled: Err("no value supplied for enabled".to_string()),
                    id: Err("no value supplied for id".to_string()),
                    integrations: Err("no value supplied for integrations".to_string()),
                    name: Err("no value supplied for name".to_string()),
                    secret_key: Err("no value supplied for secret_key".to_string()),
                    updated_at: Err("no value supplied for updated_at".to_string()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl Assistant {
            pub fn actions<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::AssistantAction>>,
                T::Error: ::std::fmt::Display,
            {
                self.actions = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for actions: {e}")
                    });
                self
            }
            pub fn avatar_url<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.avatar_url = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for avatar_url: {e}")
                    });
                self
            }
            pub fn config<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::AssistantConfig>,
                T::Error: ::std::fmt::Display,
            {
                self.config = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for config: {e}")
                    });
                self
            }
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::invent::Timestamp>>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn deleted<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.deleted = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for deleted: {e}")
                    });
                self
            }
            pub fn enabled<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enabled = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for enabled: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn integrations<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<super::AssistantIntegration>>,
                T::Error: ::std::fmt::Display,
            {
                self.integrations = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for integrations: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn secret_key<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::std::option::Option<crate::Secret<::std::string::String>>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.secret_key = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for secret_key: {e}")
                    });
                self
            }
            pub fn updated_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::option::Option<::invent::Timestamp>>,
                T::Error: ::std::fmt::Display,
            {
                self.updated_at = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for updated_at: {e}")
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<Assistant> for super::Assistant {
            type Error = super::error::ConversionError;
            fn try_from(
                value: Assistant,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    actions: value.actions?,
                    avatar_url: value.avatar_url?,
                    config: value.config?,
                    created_at: value.created_at?,
                    deleted: value.deleted?,
                    enabled: value.enabled?,
                    id: value.id?,
                    integrations: value.integrations?,
                    name: value.name?,
                    secret_key: value.secret_key?,
                    updated_at: value.updated_at?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::Assistant> for Assistant {
            fn from(value: super::Assistant) -> Self {
                Self {
                    actions: Ok(value.actions),
                    avatar_url: Ok(value.avatar_url),
                    config: Ok(value.config),
                    created_at: Ok(value.created_at),
                    deleted: Ok(value.deleted),
                    enabled: Ok(value.enabled),
                    id: Ok(value.id),
                    integrations: Ok(value.integrations),
                    name: Ok(value.name),
                    secret_key: Ok(value.secret_key),
                    updated_at: Ok(value.updated_at),
                    extra: Ok(value.extra),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AssistantAction {
            action_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            assistant_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            config: ::std::result::Result<
                ::std::option::Option<super::ActionConfig>,
                ::std::string::String,
            >,
            connection_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            created_at: ::std::result::Result<
                ::std::option::Option<::invent::Timestamp>,
                ::std::string::String,
            >,
            enabled: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            instructions: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            updated_at: ::std::result::Result<
                ::std::option::Option<::invent::Timestamp>,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AssistantAction {
            fn default() -> Self {
                Self {
                    action_id: Ok(Default::default()),
                    assistant_id: Ok(Default::default()),
                    config: Ok(Default::default()),
                    connection_id: Ok(Default::default()),
                    created_at: Ok(Default::default()),
                    enabled: Ok(Default::default()),
                    id: Ok(Default::default()),
                    instructions: Ok(Default::default()),
                    name: Ok(Default::default()),
                    updated_at: Ok(Default::default()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl AssistantAction {
            pub fn action_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.action_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for action_id: {e}")
                    });
                self
            }
            pub fn assistant_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.assistant_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for assistant_id: {e}")
                    });
                self
            }
            pub fn config<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::ActionConfig>,
                T::Error: ::std::fmt::Display,
            {
                self.config = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for config: {e}")
                    });
                self
            }
            pub fn connection_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.connection_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for connection_id: {e}")
                    });
                self
            }
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::invent::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn enabled<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enabled = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for enabled: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn instructions<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.instructions = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for instructions: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn updated_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::invent::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.updated_at = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for updated_at: {e}")
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AssistantAction> for super::AssistantAction {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AssistantAction,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    action_id: value.action_id?,
                    assistant_id: value.assistant_id?,
                    config: value.config?,
                    connection_id: value.connection_id?,
                    created_at: value.created_at?,
                    enabled: value.enabled?,
                    id: value.id?,
                    instructions: value.instructions?,
                    name: value.name?,
                    updated_at: value.updated_at?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::AssistantAction> for AssistantAction {
            fn from(value: super::AssistantAction) -> Self {
                Self {
                    action_id: Ok(value.action_id),
                    assistant_id: Ok(value.assistant_id),
                    config: Ok(value.config),
                    connection_id: Ok(value.connection_id),
                    created_at: Ok(value.created_at),
                    enabled: Ok(value.enabled),
                    id: Ok(value.id),
                    instructions: Ok(value.instructions),
                    name: Ok(value.name),
                    updated_at: Ok(value.updated_at),
                    extra: Ok(value.extra),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AssistantConfig {
            conversation: ::std::result::Result<
                ::std::option::Option<super::ConversationSettings>,
                ::std::string::String,
            >,
            instructions: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            knowledge_scope: ::std::result::Result<
                ::std::option::Option<super::KnowledgeScope>,
                ::std::string::String,
            >,
            language: ::std::result::Result<
                ::std::option::Option<super::Language>,
                ::std::string::String,
            >,
            model: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            stt: ::std::result::Result<
                ::std::option::Option<super::SpeechToText>,
                ::std::string::String,
            >,
            timezone: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            tts: ::std::result::Result<
                ::std::option::Option<super::TextToSpeech>,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AssistantConfig {
            fn default() -> Self {
                Self {
                    conversation: Ok(Default::default()),
                    instructions: Ok(Default::default()),
                    knowledge_scope: Ok(Default::default()),
                    language: Ok(Default::default()),
                    model: Ok(Default::default()),
                    stt: Ok(Default::default()),
                    timezone: Ok(Default::default()),
                    tts: Ok(Default::default()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl AssistantConfig {
            pub fn conversation<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::ConversationSettings>,
                T::Error: ::std::fmt::Display,
            {
                self.conversation = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for conversation: {e}")
                    });
                self
            }
            pub fn instructions<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.instructions = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for instructions: {e}")
                    });
                self
            }
            pub fn knowledge_scope<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::KnowledgeScope>,
                T::Error: ::std::fmt::Display,
            {
                self.knowledge_scope = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for knowledge_scope: {e}"
                        )
                    });
                self
            }
            pub fn language<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::Language>,
                T::Error: ::std::fmt::Display,
            {
                self.language = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for language: {e}")
                    });
                self
            }
            pub fn model<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.model = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for model: {e}")
                    });
                self
            }
            pub fn stt<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::SpeechToText>,
                T::Error: ::std::fmt::Display,
            {
                self.stt = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for stt: {e}")
                    });
                self
            }
            pub fn timezone<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.timezone = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for timezone: {e}")
                    });
                self
            }
            pub fn tts<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::TextToSpeech>,
                T::Error: ::std::fmt::Display,
            {
                self.tts = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for tts: {e}")
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AssistantConfig> for super::AssistantConfig {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AssistantConfig,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    conversation: value.conversation?,
                    instructions: value.instructions?,
                    knowledge_scope: value.knowledge_scope?,
                    language: value.language?,
                    model: value.model?,
                    stt: value.stt?,
                    timezone: value.timezone?,
                    tts: value.tts?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::AssistantConfig> for AssistantConfig {
            fn from(value: super::AssistantConfig) -> Self {
                Self {
                    conversation: Ok(value.conversation),
                    instructions: Ok(value.instructions),
                    knowledge_scope: Ok(value.knowledge_scope),
                    language: Ok(value.language),
                    model: Ok(value.model),
                    stt: Ok(value.stt),
                    timezone: Ok(value.timezone),
                    tts: Ok(value.tts),
                    extra: Ok(value.extra),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct AssistantIntegration {
            assistant_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            config: ::std::result::Result<
                ::std::option::Option<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                ::std::string::String,
            >,
            connection_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            created_at: ::std::result::Result<
                ::std::option::Option<::invent::Timestamp>,
                ::std::string::String,
            >,
            enabled: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            error: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            integration_id: ::std::result::Result<
                ::std::option::Option<super::IntegrationKind>,
                ::std::string::String,
            >,
            updated_at: ::std::result::Result<
                ::std::option::Option<::invent::Timestamp>,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for AssistantIntegration {
            fn default() -> Self {
                Self {
                    assistant_id: Ok(Default::default()),
                    config: Ok(Default::default()),
                    connection_id: Ok(Default::default()),
                    created_at: Ok(Default::default()),
                    enabled: Ok(Default::default()),
                    error: Ok(Default::default()),
                    id: Ok(Default::default()),
                    integration_id: Ok(Default::default()),
                    updated_at: Ok(Default::default()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl AssistantIntegration {
            pub fn assistant_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.assistant_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for assistant_id: {e}")
                    });
                self
            }
            pub fn config<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.config = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for config: {e}")
                    });
                self
            }
            pub fn connection_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.connection_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for connection_id: {e}")
                    });
                self
            }
            pub fn created_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::invent::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.created_at = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for created_at: {e}")
                    });
                self
            }
            pub fn enabled<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enabled = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for enabled: {e}")
                    });
                self
            }
            pub fn error<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.error = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for error: {e}")
                    });
                self
            }
            pub fn id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| format!("error converting supplied value for id: {e}"));
                self
            }
            pub fn integration_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::IntegrationKind>,
                T::Error: ::std::fmt::Display,
            {
                self.integration_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for integration_id: {e}"
                        )
                    });
                self
            }
            pub fn updated_at<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::invent::Timestamp>,
                T::Error: ::std::fmt::Display,
            {
                self.updated_at = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for updated_at: {e}")
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<AssistantIntegration>
        for super::AssistantIntegration {
            type Error = super::error::ConversionError;
            fn try_from(
                value: AssistantIntegration,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    assistant_id: value.assistant_id?,
                    config: value.config?,
                    connection_id: value.connection_id?,
                    created_at: value.created_at?,
                    enabled: value.enabled?,
                    error: value.error?,
                    id: value.id?,
                    integration_id: value.integration_id?,
                    updated_at: value.updated_at?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::AssistantIntegration> for AssistantIntegration {
            fn from(value: super::AssistantIntegration) -> Self {
                Self {
                    assistant_id: Ok(value.assistant_id),
                    config: Ok(value.config),
                    connection_id: Ok(value.connection_id),
                    created_at: Ok(value.created_at),
                    enabled: Ok(value.enabled),
                    error: Ok(value.error),
                    id: Ok(value.id),
                    integration_id: Ok(value.integration_id),
                    updated_at: Ok(value.updated_at),
                    extra: Ok(value.extra),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct ConversationSettings {
            auto_intro_message: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            enable_auto_csat: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            enable_auto_follow_ups: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            enable_auto_resolve: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            enable_block_contact_tool: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            enable_end_conversation_tool: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            enable_memories: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            enable_private_chats: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            enable_transfer_to_human_tool: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            suggested_messages: ::std::result::Result<
                ::std::option::Option<::std::vec::Vec<::std::string::String>>,
                ::std::string::String,
            >,
            thread_mode: ::std::result::Result<
                ::std::option::Option<super::ThreadMode>,
                ::std::string::String,
            >,
            welcome_banner: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for ConversationSettings {
            fn default() -> Self {
                Self {
                    auto_intro_message: Ok(Default::default()),
                    enable_auto_csat: Ok(Default::default()),
                    enable_auto_follow_ups: Ok(Default::default()),
                    enable_auto_resolve: Ok(Default::default()),
                    enable_block_contact_tool: Ok(Default::default()),
                    enable_end_conversation_tool: Ok(Default::default()),
                    enable_memories: Ok(Default::default()),
                    enable_private_chats: Ok(Default::default()),
                    enable_transfer_to_human_tool: Ok(Default::default()),
                    suggested_messages: Ok(Default::default()),
                    thread_mode: Ok(Default::default()),
                    welcome_banner: Ok(Default::default()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl ConversationSettings {
            pub fn auto_intro_message<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.auto_intro_message = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for auto_intro_message: {e}"
                        )
                    });
                self
            }
            pub fn enable_auto_csat<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enable_auto_csat = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for enable_auto_csat: {e}"
                        )
                    });
                self
            }
            pub fn enable_auto_follow_ups<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enable_auto_follow_ups = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for enable_auto_follow_ups: {e}"
                        )
                    });
                self
            }
            pub fn enable_auto_resolve<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enable_auto_resolve = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for enable_auto_resolve: {e}"
                        )
                    });
                self
            }
            pub fn enable_block_contact_tool<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enable_block_contact_tool = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for enable_block_contact_tool: {e}"
                        )
                    });
                self
            }
            pub fn enable_end_conversation_tool<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enable_end_conversation_tool = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for enable_end_conversation_tool: {e}"
                        )
                    });
                self
            }
            pub fn enable_memories<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enable_memories = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for enable_memories: {e}"
                        )
                    });
                self
            }
            pub fn enable_private_chats<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enable_private_chats = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for enable_private_chats: {e}"
                        )
                    });
                self
            }
            pub fn enable_transfer_to_human_tool<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enable_transfer_to_human_tool = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for enable_transfer_to_human_tool: {e}"
                        )
                    });
                self
            }
            pub fn suggested_messages<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::vec::Vec<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.suggested_messages = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for suggested_messages: {e}"
                        )
                    });
                self
            }
            pub fn thread_mode<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::ThreadMode>,
                T::Error: ::std::fmt::Display,
            {
                self.thread_mode = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for thread_mode: {e}")
                    });
                self
            }
            pub fn welcome_banner<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.welcome_banner = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!(
                            "error converting supplied value for welcome_banner: {e}"
                        )
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<ConversationSettings>
        for super::ConversationSettings {
            type Error = super::error::ConversionError;
            fn try_from(
                value: ConversationSettings,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    auto_intro_message: value.auto_intro_message?,
                    enable_auto_csat: value.enable_auto_csat?,
                    enable_auto_follow_ups: value.enable_auto_follow_ups?,
                    enable_auto_resolve: value.enable_auto_resolve?,
                    enable_block_contact_tool: value.enable_block_contact_tool?,
                    enable_end_conversation_tool: value.enable_end_conversation_tool?,
                    enable_memories: value.enable_memories?,
                    enable_private_chats: value.enable_private_chats?,
                    enable_transfer_to_human_tool: value.enable_transfer_to_human_tool?,
                    suggested_messages: value.suggested_messages?,
                    thread_mode: value.thread_mode?,
                    welcome_banner: value.welcome_banner?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::ConversationSettings> for ConversationSettings {
            fn from(value: super::ConversationSettings) -> Self {
                Self {
                    auto_intro_message: Ok(value.auto_intro_message),
                    enable_auto_csat: Ok(value.enable_auto_csat),
                    enable_auto_follow_ups: Ok(value.enable_auto_follow_ups),
                    enable_auto_resolve: Ok(value.enable_auto_resolve),
                    enable_block_contact_tool: Ok(value.enable_block_contact_tool),
                    enable_end_conversation_tool: Ok(value.enable_end_conversation_tool),
                    enable_memories: Ok(value.enable_memories),
                    enable_private_chats: Ok(value.enable_private_chats),
                    enable_transfer_to_human_tool: Ok(
                        value.enable_transfer_to_human_tool,
                    ),
                    suggested_messages: Ok(value.suggested_messages),
                    thread_mode: Ok(value.thread_mode),
                    welcome_banner: Ok(value.welcome_banner),
                    extra: Ok(value.extra),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct SpeechToText {
            model: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for SpeechToText {
            fn default() -> Self {
                Self {
                    model: Ok(Default::default()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl SpeechToText {
            pub fn model<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.model = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for model: {e}")
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<SpeechToText> for super::SpeechToText {
            type Error = super::error::ConversionError;
            fn try_from(
                value: SpeechToText,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    model: value.model?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::SpeechToText> for SpeechToText {
            fn from(value: super::SpeechToText) -> Self {
                Self {
                    model: Ok(value.model),
                    extra: Ok(value.extra),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct TextToSpeech {
            model: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            voice_id: ::std::result::Result<
                ::std::option::Option<::std::string::String>,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for TextToSpeech {
            fn default() -> Self {
                Self {
                    model: Ok(Default::default()),
                    voice_id: Ok(Default::default()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl TextToSpeech {
            pub fn model<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.model = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for model: {e}")
                    });
                self
            }
            pub fn voice_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<::std::string::String>,
                T::Error: ::std::fmt::Display,
            {
                self.voice_id = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for voice_id: {e}")
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<TextToSpeech> for super::TextToSpeech {
            type Error = super::error::ConversionError;
            fn try_from(
                value: TextToSpeech,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    model: value.model?,
                    voice_id: value.voice_id?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::TextToSpeech> for TextToSpeech {
            fn from(value: super::TextToSpeech) -> Self {
                Self {
                    model: Ok(value.model),
                    voice_id: Ok(value.voice_id),
                    extra: Ok(value.extra),
                }
            }
        }
        #[derive(Clone, Debug)]
        pub struct UpdateAssistant {
            avatar_id: ::std::result::Result<
                crate::Patch<::std::string::String>,
                ::std::string::String,
            >,
            config: ::std::result::Result<
                ::std::option::Option<super::AssistantConfig>,
                ::std::string::String,
            >,
            enabled: ::std::result::Result<
                ::std::option::Option<bool>,
                ::std::string::String,
            >,
            name: ::std::result::Result<
                ::std::option::Option<super::UpdateAssistantName>,
                ::std::string::String,
            >,
            extra: ::std::result::Result<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                ::std::string::String,
            >,
        }
        impl ::std::default::Default for UpdateAssistant {
            fn default() -> Self {
                Self {
                    avatar_id: Ok(Default::default()),
                    config: Ok(Default::default()),
                    enabled: Ok(Default::default()),
                    name: Ok(Default::default()),
                    extra: Ok(Default::default()),
                }
            }
        }
        impl UpdateAssistant {
            pub fn avatar_id<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<crate::Patch<::std::string::String>>,
                T::Error: ::std::fmt::Display,
            {
                self.avatar_id = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for avatar_id: {e}")
                    });
                self
            }
            pub fn config<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::AssistantConfig>,
                T::Error: ::std::fmt::Display,
            {
                self.config = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for config: {e}")
                    });
                self
            }
            pub fn enabled<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<bool>,
                T::Error: ::std::fmt::Display,
            {
                self.enabled = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for enabled: {e}")
                    });
                self
            }
            pub fn name<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<super::UpdateAssistantName>,
                T::Error: ::std::fmt::Display,
            {
                self.name = value
                    .try_into()
                    .map(::std::option::Option::Some)
                    .map_err(|e| {
                        format!("error converting supplied value for name: {e}")
                    });
                self
            }
            pub fn extra<T>(mut self, value: T) -> Self
            where
                T: ::std::convert::TryInto<
                    ::serde_json::Map<::std::string::String, ::serde_json::Value>,
                >,
                T::Error: ::std::fmt::Display,
            {
                self.extra = value
                    .try_into()
                    .map_err(|e| {
                        format!("error converting supplied value for extra: {e}")
                    });
                self
            }
        }
        impl ::std::convert::TryFrom<UpdateAssistant> for super::UpdateAssistant {
            type Error = super::error::ConversionError;
            fn try_from(
                value: UpdateAssistant,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    avatar_id: value.avatar_id?,
                    config: value.config?,
                    enabled: value.enabled?,
                    name: value.name?,
                    extra: value.extra?,
                })
            }
        }
        impl ::std::convert::From<super::UpdateAssistant> for UpdateAssistant {
            fn from(value: super::UpdateAssistant) -> Self {
                Self {
                    avatar_id: Ok(value.avatar_id),
                    config: Ok(value.config),
                    enabled: Ok(value.enabled),
                    name: Ok(value.name),
                    extra: Ok(value.extra),
                }
            }
        }
    }
    /// Error types.
    pub mod error {
        /// Error from a `TryFrom` or `FromStr` implementation.
        pub struct ConversionError(::std::borrow::Cow<'static, str>);
        impl ::std::error::Error for ConversionError {}
        impl ::std::fmt::Display for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }
        impl ::std::fmt::Debug for ConversionError {
            fn fmt(
                &self,
                f: &mut ::std::fmt::Formatter<'_>,
            ) -> Result<(), ::std::fmt::Error> {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
        impl From<&'static str> for ConversionError {
            fn from(value: &'static str) -> Self {
                Self(value.into())
            }
        }
        impl From<String> for ConversionError {
            fn from(value: String) -> Self {
                Self(value.into())
            }
        }
    }
    crate::wire_object!(
        ActionConfig { definitions : "definitions" optional, input : "input" optional }
        extra : ::serde_json::Map < ::std::string::String, ::serde_json::Value >
    );
    crate::wire_object!(
        ActionDefinition { definition : "definition" optional, path : "path" optional }
        extra : ::serde_json::Map < ::std::string::String, ::serde_json::Value >
    );
    crate::wire_object!(
        Assistant { actions : "actions" required, avatar_url : "avatar_url" required,
        config : "config" required, created_at : "created_at" required, deleted :
        "deleted" required, enabled : "enabled" required, id : "id" required,
        integrations : "integrations" required, name : "name" required, secret_key :
        "secret_key" required, updated_at : "updated_at" required } extra :
        ::serde_json::Map < ::std::string::String, ::serde_json::Value >
    );
    crate::wire_object!(
        AssistantAction { action_id : "action_id" optional, assistant_id : "assistant_id"
        optional, config : "config" optional, connection_id : "connection_id" optional,
        created_at : "created_at" optional, enabled : "enabled" optional, id : "id"
        optional, instructions : "instructions" optional, name : "name" optional,
        updated_at : "updated_at" optional } extra : ::serde_json::Map <
        ::std::string::String, ::serde_json::Value >
    );
    crate::wire_object!(
        AssistantConfig { conversation : "conversation" optional, instructions :
        "instructions" optional, knowledge_scope : "knowledge_scope" optional, language :
        "language" optional, model : "model" optional, stt : "stt" optional, timezone :
        "timezone" optional, tts : "tts" optional } extra : ::serde_json::Map <
        ::std::string::String, ::serde_json::Value >
    );
    crate::wire_object!(
        AssistantIntegration { assistant_id : "assistant_id" optional, config : "config"
        optional, connection_id : "connection_id" optional, created_at : "created_at"
        optional, enabled : "enabled" optional, error : "error" optional, id : "id"
        optional, integration_id : "integration_id" optional, updated_at : "updated_at"
        optional } extra : ::serde_json::Map < ::std::string::String, ::serde_json::Value
        >
    );
    crate::wire_object!(
        ConversationSettings { auto_intro_message : "auto_intro_message" optional,
        enable_auto_csat : "enable_auto_csat" optional, enable_auto_follow_ups :
        "enable_auto_follow_ups" optional, enable_auto_resolve : "enable_auto_resolve"
        optional, enable_block_contact_tool : "enable_block_contact_tool" optional,
        enable_end_conversation_tool : "enable_end_conversation_tool" optional,
        enable_memories : "enable_memories" optional, enable_private_chats :
        "enable_private_chats" optional, enable_transfer_to_human_tool :
        "enable_transfer_to_human_tool" optional, suggested_messages :
        "suggested_messages" optional, thread_mode : "thread_mode" optional,
        welcome_banner : "welcome_banner" optional } extra : ::serde_json::Map <
        ::std::string::String, ::serde_json::Value >
    );
    crate::wire_object!(
        SpeechToText { model : "model" optional } extra : ::serde_json::Map <
        ::std::string::String, ::serde_json::Value >
    );
    crate::wire_object!(
        TextToSpeech { model : "model" optional, voice_id : "voice_id" optional } extra :
        ::serde_json::Map < ::std::string::String, ::serde_json::Value >
    );
    crate::wire_object!(
        UpdateAssistant { avatar_id : "avatar_id" patch, config : "config" optional,
        enabled : "enabled" optional, name : "name" optional } extra : ::serde_json::Map
        < ::std::string::String, ::serde_json::Value >
    );
}
#[derive(Clone, Debug)]
/**Client for Invent API

The Invent API, an AI-assistant and customer-support platform. This document describes the "Update Assistant" endpoint as published in the API reference.

Version: 1.0.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
    pub(crate) inner: crate::Settings,
}
impl Client {
    /// Create a new client.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new(baseurl: &str, inner: crate::Settings) -> Self {
        #[cfg(not(target_arch = "wasm32"))]
        let client = {
            let dur = ::std::time::Duration::from_secs(15u64);
            reqwest::ClientBuilder::new().connect_timeout(dur).timeout(dur)
        };
        #[cfg(target_arch = "wasm32")]
        let client = reqwest::ClientBuilder::new();
        Self::new_with_client(baseurl, client.build().unwrap(), inner)
    }
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub fn new_with_client(
        baseurl: &str,
        client: reqwest::Client,
        inner: crate::Settings,
    ) -> Self {
        Self {
            baseurl: baseurl.to_string(),
            client,
            inner,
        }
    }
}
impl ClientInfo<crate::Settings> for Client {
    fn api_version() -> &'static str {
        "1.0.0"
    }
    fn baseurl(&self) -> &str {
        self.baseurl.as_str()
    }
    fn client(&self) -> &reqwest::Client {
        &self.client
    }
    fn inner(&self) -> &crate::Settings {
        &self.inner
    }
}
const _: () = {
    #[allow(dead_code)]
    fn assert_client_hooks()
    where
        Client: ClientHooks<crate::Settings>,
    {}
};
impl Client {
    /**Update Assistant

Sends a `PATCH` request to `/orgs/{org_id}/assistants/{assistant_id}`

Arguments:
- `org_id`: The ID of the org
- `assistant_id`: The ID of the assistant
- `body`: The assistant information to update.
```ignore
let response = client.update_assistant()
    .org_id(org_id)
    .assistant_id(assistant_id)
    .body(body)
    .send()
    .await;
```*/
    pub fn update_assistant(&self) -> builder::UpdateAssistant<'_> {
        builder::UpdateAssistant::new(self)
    }
}
/// Types for composing operation parameters.
#[allow(clippy::all)]
pub mod builder {
    use super::types;
    #[allow(unused_imports)]
    use super::{
        encode_path, ByteStream, ClientInfo, ClientHooks, Error, OperationInfo,
        RequestBuilderExt, ResponseValue,
    };
    /**Builder for [`Client::update_assistant`]

[`Client::update_assistant`]: super::Client::update_assistant*/
    #[derive(Debug, Clone)]
    pub struct UpdateAssistant<'a> {
        client: &'a super::Client,
        org_id: Result<::std::string::String, String>,
        assistant_id: Result<::std::string::String, String>,
        body: Result<types::builder::UpdateAssistant, String>,
        call_options: crate::CallOptions,
    }
    impl<'a> UpdateAssistant<'a> {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                org_id: Err("org_id was not initialized".to_string()),
                assistant_id: Err("assistant_id was not initialized".to_string()),
                body: Ok(::std::default::Default::default()),
                call_options: ::std::default::Default::default(),
            }
        }
        pub fn org_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.org_id = value
                .try_into()
                .map_err(|_| {
                    "`org_id` cannot be converted to `::std::string::String`".to_string()
                });
            self
        }
        pub fn assistant_id<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<::std::string::String>,
        {
            self.assistant_id = value
                .try_into()
                .map_err(|_| {
                    "`assistant_id` cannot be converted to `::std::string::String`"
                        .to_string()
                });
            self
        }
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<types::UpdateAssistant>,
            <V as std::convert::TryInto<
                types::UpdateAssistant,
            >>::Error: std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(From::from)
                .map_err(|s| {
                    format!("conversion to `UpdateAssistant` for body failed: {}", s)
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: std::ops::FnOnce(
                types::builder::UpdateAssistant,
            ) -> types::builder::UpdateAssistant,
        {
            self.body = self.body.map(f);
            self
        }
        ///Sends a `PATCH` request to `/orgs/{org_id}/assistants/{assistant_id}`
        ///
        /// Retries what is worth retrying (see [`crate::RetryPolicy`]); every failure is an
        /// [`crate::Error`], which tells them apart.
        pub async fn send(
            self,
        ) -> Result<ResponseValue<types::Assistant>, crate::Error> {
            crate::support::check_path_segment("org_id", &self.org_id)?;
            crate::support::check_path_segment("assistant_id", &self.assistant_id)?;
            crate::support::call(self.call_options.clone(), self.send_unmapped()).await
        }
        async fn send_unmapped(
            self,
        ) -> Result<ResponseValue<types::Assistant>, Error<types::ErrorBody>> {
            let Self { client, org_id, assistant_id, body, .. } = self;
            let org_id = org_id.map_err(Error::InvalidRequest)?;
            let assistant_id = assistant_id.map_err(Error::InvalidRequest)?;
            let body = body
                .and_then(|v| {
                    types::UpdateAssistant::try_from(v).map_err(|e| e.to_string())
                })
                .map_err(Error::InvalidRequest)?;
            let url = format!(
                "{}/orgs/{}/assistants/{}", client.baseurl, encode_path(& org_id
                .to_string()), encode_path(& assistant_id.to_string()),
            );
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map
                .append(
                    ::reqwest::header::HeaderName::from_static("api-version"),
                    ::reqwest::header::HeaderValue::from_static(
                        super::Client::api_version(),
                    ),
                );
            #[allow(unused_mut)]
            let mut request = client
                .client
                .patch(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .json(&body)
                .headers(header_map)
                .build()?;
            let info = OperationInfo {
                operation_id: "update_assistant",
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                200u16 => ResponseValue::from_response(response).await,
                400u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                401u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                404u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                429u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                500u16..=599u16 => {
                    Err(
                        Error::ErrorResponse(
                            ResponseValue::from_response(response).await?,
                        ),
                    )
                }
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
        /// Options for this call only: a timeout, a deadline, retries, extra headers or query
        /// parameters ([`crate::CallOptions`]); they win over the client's.
        pub fn with_options(mut self, options: crate::CallOptions) -> Self {
            self.call_options = options;
            self
        }
    }
}
/// Items consumers will typically use such as the Client.
pub mod prelude {
    pub use self::super::Client;
}
/// What the spec limits in each operation's request (by operation), checked on the
/// request as it will be sent, before it is.
pub(crate) static REQUEST_LIMITS: &[(&str, &[crate::limits::Limit])] = &[
    (
        "update_assistant",
        &[
            crate::limits::Limit {
                place: crate::limits::Place::Body(&[crate::limits::Step::Key("name")]),
                name: "`UpdateAssistant.name`",
                rule: crate::limits::Rule {
                    min_length: Some(1u64),
                    max_length: Some(1024u64),
                    ..crate::limits::Rule::NONE
                },
            },
        ],
    ),
];
/// The operations whose success is a stream of bytes the caller reads.
pub(crate) static STREAMED_RESPONSES: &[&str] = &[];
/// Each operation's documented error bodies, typed, by status.
pub mod errors {
    /// The error bodies `update_assistant` documents, by status: read one from an [`crate::Error`] with [`UpdateAssistantError::from_error`].
    #[derive(Clone, Debug, PartialEq)]
    pub enum UpdateAssistantError {
        /// `400`: Check that the parameters were correct.
        Status400(crate::types::ErrorBody),
        /// `401`: The API key is missing or invalid.
        Status401(crate::types::ErrorBody),
        /// `404`: Not found.
        Status404(crate::types::ErrorBody),
        /// `429`: Too many requests; the limit is 500 requests per minute per IP address.
        Status429(crate::types::ErrorBody),
        /// `5XX`: A server-side error.
        Status5xx(crate::types::ErrorBody),
    }
    impl UpdateAssistantError {
        /// The body of `error`'s response as the spec documents it for its status:
        /// `None` if the error has no response or its status has no documented
        /// body; an error if the body does not match its schema.
        pub fn from_error(
            error: &crate::Error,
        ) -> ::std::option::Option<::std::result::Result<Self, ::serde_json::Error>> {
            let api = error.api_error()?;
            Some(
                match api.status.as_u16() {
                    400u16 => api.json().map(Self::Status400),
                    401u16 => api.json().map(Self::Status401),
                    404u16 => api.json().map(Self::Status404),
                    429u16 => api.json().map(Self::Status429),
                    500u16..=599u16 => api.json().map(Self::Status5xx),
                    _ => return None,
                },
            )
        }
    }
}
/// Calls `callback!` with every component schema of the spec: its Rust type's name, the
/// schema's name and the type (`(Assistant, "Assistant", invent::types::Assistant)`),
/// so a test can visit every generated type.
#[doc(hidden)]
#[macro_export]
macro_rules! for_each_schema {
    ($callback:ident) => {
        $callback ! { (ErrorBody, "ErrorBody", $crate::types::ErrorBody),
        (UpdateAssistant, "UpdateAssistant", $crate::types::UpdateAssistant), (Assistant,
        "Assistant", $crate::types::Assistant), (AssistantConfig, "AssistantConfig",
        $crate::types::AssistantConfig), (Language, "Language", $crate::types::Language),
        (SpeechToText, "SpeechToText", $crate::types::SpeechToText), (TextToSpeech,
        "TextToSpeech", $crate::types::TextToSpeech), (ConversationSettings,
        "ConversationSettings", $crate::types::ConversationSettings), (ThreadMode,
        "ThreadMode", $crate::types::ThreadMode), (KnowledgeScope, "KnowledgeScope",
        $crate::types::KnowledgeScope), (AssistantIntegration, "AssistantIntegration",
        $crate::types::AssistantIntegration), (IntegrationKind, "IntegrationKind",
        $crate::types::IntegrationKind), (AssistantAction, "AssistantAction",
        $crate::types::AssistantAction), (ActionConfig, "ActionConfig",
        $crate::types::ActionConfig), (ActionDefinition, "ActionDefinition",
        $crate::types::ActionDefinition), (UpdateAssistantName, "UpdateAssistantName",
        $crate::types::UpdateAssistantName) }
    };
}
