// @generated from openapi.yaml by `cargo xtask generate` (progenitor 0.15.1, typify 0.8.0).
// Do not edit by hand: change openapi.yaml (or the generator in xtask/) and regenerate.

use crate::support::encode_path;
#[allow(unused_imports)]
use progenitor_client::{ByteStream, ClientInfo, Error, ResponseValue};
#[allow(unused_imports)]
use progenitor_client::{ClientHooks, OperationInfo, RequestBuilderExt};
/// Types used as operation parameters and responses.
#[allow(clippy::all)]
pub mod types {
    ///Configuration of an action.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct ActionConfig {
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: vec :: Vec < ActionDefinition >")
        )]
        pub definitions: ::std::option::Option<::std::vec::Vec<ActionDefinition>>,
        ///A free-form object (any properties).
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: invent :: Extra")
        )]
        pub input: ::std::option::Option<::invent::Extra>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl ActionConfig {
        pub fn builder() -> builder::ActionConfig {
            Default::default()
        }
    }
    ///A definition used by an action.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct ActionDefinition {
        ///A free-form object (any properties).
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: invent :: Extra")
        )]
        pub definition: ::std::option::Option<::invent::Extra>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub path: ::std::option::Option<::std::string::String>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl ActionDefinition {
        pub fn builder() -> builder::ActionDefinition {
            Default::default()
        }
    }
    ///Schema for an assistant
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct Assistant {
        pub actions: ::std::vec::Vec<AssistantAction>,
        ///The URL of the avatar photo
        #[cfg_attr(
            feature = "schemars",
            serde(deserialize_with = "::std::option::Option::deserialize"),
            schemars(
                with = "crate :: support :: Nullable < :: std :: string :: String >"
            )
        )]
        pub avatar_url: ::std::option::Option<::std::string::String>,
        pub config: AssistantConfig,
        #[cfg_attr(
            feature = "schemars",
            serde(deserialize_with = "::std::option::Option::deserialize"),
            schemars(with = "crate :: support :: Nullable < :: invent :: Timestamp >")
        )]
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
        #[cfg_attr(
            feature = "schemars",
            serde(deserialize_with = "::std::option::Option::deserialize"),
            schemars(
                with = "crate :: support :: Nullable < crate :: Secret < :: std :: string :: String > >"
            )
        )]
        pub secret_key: ::std::option::Option<crate::Secret<::std::string::String>>,
        #[cfg_attr(
            feature = "schemars",
            serde(deserialize_with = "::std::option::Option::deserialize"),
            schemars(with = "crate :: support :: Nullable < :: invent :: Timestamp >")
        )]
        pub updated_at: ::std::option::Option<::invent::Timestamp>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl Assistant {
        pub fn builder() -> builder::Assistant {
            Default::default()
        }
    }
    ///An action an assistant can take.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct AssistantAction {
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub action_id: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub assistant_id: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "ActionConfig")
        )]
        pub config: ::std::option::Option<ActionConfig>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub connection_id: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: invent :: Timestamp")
        )]
        pub created_at: ::std::option::Option<::invent::Timestamp>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enabled: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub id: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub instructions: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub name: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: invent :: Timestamp")
        )]
        pub updated_at: ::std::option::Option<::invent::Timestamp>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl AssistantAction {
        pub fn builder() -> builder::AssistantAction {
            Default::default()
        }
    }
    ///Schema for the configuration of an assistant
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct AssistantConfig {
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "ConversationSettings")
        )]
        pub conversation: ::std::option::Option<ConversationSettings>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub instructions: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "KnowledgeScope")
        )]
        pub knowledge_scope: ::std::option::Option<KnowledgeScope>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "Language")
        )]
        pub language: ::std::option::Option<Language>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub model: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "SpeechToText")
        )]
        pub stt: ::std::option::Option<SpeechToText>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub timezone: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "TextToSpeech")
        )]
        pub tts: ::std::option::Option<TextToSpeech>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl AssistantConfig {
        pub fn builder() -> builder::AssistantConfig {
            Default::default()
        }
    }
    ///An integration connected to an assistant.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct AssistantIntegration {
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub assistant_id: ::std::option::Option<::std::string::String>,
        ///A free-form object (any properties).
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: invent :: Extra")
        )]
        pub config: ::std::option::Option<::invent::Extra>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub connection_id: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: invent :: Timestamp")
        )]
        pub created_at: ::std::option::Option<::invent::Timestamp>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enabled: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub error: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub id: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "IntegrationKind")
        )]
        pub integration_id: ::std::option::Option<IntegrationKind>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: invent :: Timestamp")
        )]
        pub updated_at: ::std::option::Option<::invent::Timestamp>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl AssistantIntegration {
        pub fn builder() -> builder::AssistantIntegration {
            Default::default()
        }
    }
    ///Conversation settings of an assistant.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct ConversationSettings {
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub auto_intro_message: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enable_auto_csat: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enable_auto_follow_ups: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enable_auto_resolve: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enable_block_contact_tool: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enable_end_conversation_tool: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enable_memories: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enable_private_chats: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enable_transfer_to_human_tool: ::std::option::Option<bool>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: vec :: Vec < :: std :: string :: String >")
        )]
        pub suggested_messages: ::std::option::Option<
            ::std::vec::Vec<::std::string::String>,
        >,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "ThreadMode")
        )]
        pub thread_mode: ::std::option::Option<ThreadMode>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub welcome_banner: ::std::option::Option<::std::string::String>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl ConversationSettings {
        pub fn builder() -> builder::ConversationSettings {
            Default::default()
        }
    }
    ///The body of an error response. Its shape is not documented, so any JSON object is accepted.
    #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct ErrorBody(pub ::invent::Extra);
    impl ::std::ops::Deref for ErrorBody {
        type Target = ::invent::Extra;
        fn deref(&self) -> &::invent::Extra {
            &self.0
        }
    }
    impl ::std::convert::From<ErrorBody> for ::invent::Extra {
        fn from(value: ErrorBody) -> Self {
            value.0
        }
    }
    impl ::std::convert::From<::invent::Extra> for ErrorBody {
        fn from(value: ::invent::Extra) -> Self {
            Self(value)
        }
    }
    ///The API reference shows only `internal`; the full set of values is not public.
    ///
    /// Open: a value this version of the SDK does not know is kept in [`Unknown`](Self::Unknown) and sent back exactly as received.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum IntegrationKind {
        ///`internal`
        Internal,
        /// A value the spec does not document, kept exactly as received.
        Unknown(::std::string::String),
    }
    crate::open_enum!(
        IntegrationKind { Internal = "internal" } Unknown,
        "The API reference shows only `internal`; the full set of values is not public."
    );
    ///The API reference shows only `all`; the full set of values is not public.
    ///
    /// Open: a value this version of the SDK does not know is kept in [`Unknown`](Self::Unknown) and sent back exactly as received.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum KnowledgeScope {
        ///`all`
        All,
        /// A value the spec does not document, kept exactly as received.
        Unknown(::std::string::String),
    }
    crate::open_enum!(
        KnowledgeScope { All = "all" } Unknown,
        "The API reference shows only `all`; the full set of values is not public."
    );
    ///The API reference shows only `auto`; the full set of values is not public.
    ///
    /// Open: a value this version of the SDK does not know is kept in [`Unknown`](Self::Unknown) and sent back exactly as received.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Language {
        ///`auto`
        Auto,
        /// A value the spec does not document, kept exactly as received.
        Unknown(::std::string::String),
    }
    crate::open_enum!(
        Language { Auto = "auto" } Unknown,
        "The API reference shows only `auto`; the full set of values is not public."
    );
    ///Speech-to-text settings of an assistant.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct SpeechToText {
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub model: ::std::option::Option<::std::string::String>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl SpeechToText {
        pub fn builder() -> builder::SpeechToText {
            Default::default()
        }
    }
    ///Text-to-speech settings of an assistant.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct TextToSpeech {
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub model: ::std::option::Option<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = ":: std :: string :: String")
        )]
        pub voice_id: ::std::option::Option<::std::string::String>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl TextToSpeech {
        pub fn builder() -> builder::TextToSpeech {
            Default::default()
        }
    }
    ///The API reference shows only `new`; the full set of values is not public.
    ///
    /// Open: a value this version of the SDK does not know is kept in [`Unknown`](Self::Unknown) and sent back exactly as received.
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum ThreadMode {
        ///`new`
        New,
        /// A value the spec does not document, kept exactly as received.
        Unknown(::std::string::String),
    }
    crate::open_enum!(
        ThreadMode { New = "new" } Unknown,
        "The API reference shows only `new`; the full set of values is not public."
    );
    ///Schema for updating an existing assistant
    #[non_exhaustive]
    #[derive(Clone, Debug, PartialEq, Default)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
    pub struct UpdateAssistant {
        ///The ID of the avatar file id
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "crate::Patch::is_absent")
        )]
        pub avatar_id: crate::Patch<::std::string::String>,
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "AssistantConfig")
        )]
        pub config: ::std::option::Option<AssistantConfig>,
        ///Whether the assistant is enabled
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "bool")
        )]
        pub enabled: ::std::option::Option<bool>,
        ///The name of the assistant
        #[cfg_attr(
            feature = "schemars",
            serde(default, skip_serializing_if = "::std::option::Option::is_none"),
            schemars(with = "UpdateAssistantName")
        )]
        pub name: ::std::option::Option<UpdateAssistantName>,
        #[cfg_attr(feature = "schemars", serde(flatten))]
        pub extra: ::invent::Extra,
    }
    impl UpdateAssistant {
        pub fn builder() -> builder::UpdateAssistant {
            Default::default()
        }
    }
    ///The name of the assistant
    #[derive(::serde::Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
    #[serde(transparent)]
    #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
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
        crate::object_builder!(
            ActionConfig { optional definitions : ::std::vec::Vec <
            super::ActionDefinition >, optional input : ::invent::Extra, default extra :
            ::invent::Extra }
        );
        crate::object_builder!(
            ActionDefinition { optional definition : ::invent::Extra, optional path :
            ::std::string::String, default extra : ::invent::Extra }
        );
        crate::object_builder!(
            Assistant { required actions : ::std::vec::Vec < super::AssistantAction >,
            required avatar_url : ::std::option::Option < ::std::string::String >,
            required config : super::AssistantConfig, required created_at :
            ::std::option::Option < ::invent::Timestamp >, required deleted : bool,
            required enabled : bool, required id : ::std::string::String, required
            integrations : ::std::vec::Vec < super::AssistantIntegration >, required name
            : ::std::string::String, required secret_key : ::std::option::Option < crate
            ::Secret < ::std::string::String > >, required updated_at :
            ::std::option::Option < ::invent::Timestamp >, default extra :
            ::invent::Extra }
        );
        crate::object_builder!(
            AssistantAction { optional action_id : ::std::string::String, optional
            assistant_id : ::std::string::String, optional config : super::ActionConfig,
            optional connection_id : ::std::string::String, optional created_at :
            ::invent::Timestamp, optional enabled : bool, optional id :
            ::std::string::String, optional instructions : ::std::string::String,
            optional name : ::std::string::String, optional updated_at :
            ::invent::Timestamp, default extra : ::invent::Extra }
        );
        crate::object_builder!(
            AssistantConfig { optional conversation : super::ConversationSettings,
            optional instructions : ::std::string::String, optional knowledge_scope :
            super::KnowledgeScope, optional language : super::Language, optional model :
            ::std::string::String, optional stt : super::SpeechToText, optional timezone
            : ::std::string::String, optional tts : super::TextToSpeech, default extra :
            ::invent::Extra }
        );
        crate::object_builder!(
            AssistantIntegration { optional assistant_id : ::std::string::String,
            optional config : ::invent::Extra, optional connection_id :
            ::std::string::String, optional created_at : ::invent::Timestamp, optional
            enabled : bool, optional error : ::std::string::String, optional id :
            ::std::string::String, optional integration_id : super::IntegrationKind,
            optional updated_at : ::invent::Timestamp, default extra : ::invent::Extra }
        );
        crate::object_builder!(
            ConversationSettings { optional auto_intro_message : ::std::string::String,
            optional enable_auto_csat : bool, optional enable_auto_follow_ups : bool,
            optional enable_auto_resolve : bool, optional enable_block_contact_tool :
            bool, optional enable_end_conversation_tool : bool, optional enable_memories
            : bool, optional enable_private_chats : bool, optional
            enable_transfer_to_human_tool : bool, optional suggested_messages :
            ::std::vec::Vec < ::std::string::String >, optional thread_mode :
            super::ThreadMode, optional welcome_banner : ::std::string::String, default
            extra : ::invent::Extra }
        );
        crate::object_builder!(
            SpeechToText { optional model : ::std::string::String, default extra :
            ::invent::Extra }
        );
        crate::object_builder!(
            TextToSpeech { optional model : ::std::string::String, optional voice_id :
            ::std::string::String, default extra : ::invent::Extra }
        );
        crate::object_builder!(
            UpdateAssistant { default avatar_id : crate ::Patch < ::std::string::String
            >, optional config : super::AssistantConfig, optional enabled : bool,
            optional name : super::UpdateAssistantName, default extra : ::invent::Extra }
        );
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
        extra : ::invent::Extra
    );
    crate::wire_object!(
        ActionDefinition { definition : "definition" optional, path : "path" optional }
        extra : ::invent::Extra
    );
    crate::wire_object!(
        Assistant { actions : "actions" required, avatar_url : "avatar_url" required,
        config : "config" required, created_at : "created_at" required, deleted :
        "deleted" required, enabled : "enabled" required, id : "id" required,
        integrations : "integrations" required, name : "name" required, secret_key :
        "secret_key" required, updated_at : "updated_at" required } extra :
        ::invent::Extra
    );
    crate::wire_object!(
        AssistantAction { action_id : "action_id" optional, assistant_id : "assistant_id"
        optional, config : "config" optional, connection_id : "connection_id" optional,
        created_at : "created_at" optional, enabled : "enabled" optional, id : "id"
        optional, instructions : "instructions" optional, name : "name" optional,
        updated_at : "updated_at" optional } extra : ::invent::Extra
    );
    crate::wire_object!(
        AssistantConfig { conversation : "conversation" optional, instructions :
        "instructions" optional, knowledge_scope : "knowledge_scope" optional, language :
        "language" optional, model : "model" optional, stt : "stt" optional, timezone :
        "timezone" optional, tts : "tts" optional } extra : ::invent::Extra
    );
    crate::wire_object!(
        AssistantIntegration { assistant_id : "assistant_id" optional, config : "config"
        optional, connection_id : "connection_id" optional, created_at : "created_at"
        optional, enabled : "enabled" optional, error : "error" optional, id : "id"
        optional, integration_id : "integration_id" optional, updated_at : "updated_at"
        optional } extra : ::invent::Extra
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
        welcome_banner : "welcome_banner" optional } extra : ::invent::Extra
    );
    crate::wire_object!(
        SpeechToText { model : "model" optional } extra : ::invent::Extra
    );
    crate::wire_object!(
        TextToSpeech { model : "model" optional, voice_id : "voice_id" optional } extra :
        ::invent::Extra
    );
    crate::wire_object!(
        UpdateAssistant { avatar_id : "avatar_id" patch, config : "config" optional,
        enabled : "enabled" optional, name : "name" optional } extra : ::invent::Extra
    );
}
#[derive(Clone, Debug)]
/** A client of the Invent API: build one with [`Client::from_env`] (reads `INVENT_API_KEY` and
 `INVENT_BASE_URL`) or [`Client::builder`], then call an operation and `send()` it.

 ```no_run
 let client = invent::Client::from_env()?;
 # let _ = client;
 # Ok::<(), invent::ConfigError>(())
 ```

 The Invent API, an AI-assistant and customer-support platform. This document describes the "Update Assistant" endpoint as published in the API reference.

 Version: 1.0.0*/
pub struct Client {
    pub(crate) baseurl: String,
    pub(crate) client: reqwest::Client,
    pub(crate) inner: crate::Settings,
}
impl Client {
    /// Construct a new client with an existing `reqwest::Client`,
    /// allowing more control over its configuration.
    ///
    /// `baseurl` is the base URL provided to the internal
    /// `reqwest::Client`, and should include a scheme and hostname,
    /// as well as port and a path stem if applicable.
    pub(crate) fn new_with_client(
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
    /** Update Assistant

 Sends a `PATCH` request to `/orgs/{org_id}/assistants/{assistant_id}`.

 Parameters, as the spec names them:
 - `org_id` (path, required): The ID of the org
 - `assistant_id` (path, required): The ID of the assistant
 - the body: The assistant information to update.

 ```no_run
 # async fn example(client: &invent::Client, org_id: ::std::string::String, assistant_id: ::std::string::String, body: invent::types::builder::UpdateAssistant) -> Result<(), invent::Error> {
 let response = client
     .update_assistant()
     .org_id(org_id)
     .assistant_id(assistant_id)
     .body(body)
     .send()
     .await?;
 # let _ = response;
 # Ok(())
 # }
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
        ) -> Result<crate::Response<types::Assistant>, crate::Error> {
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
/// How each operation is authorized (by operation): alternatives, the first one whose
/// credentials the client holds is sent. An operation not listed gets the key as a
/// bearer token.
pub(crate) static SECURITY: &[(&str, &[&[crate::security::Credential]])] = &[
    ("update_assistant", &[&[crate::security::Credential::Bearer]]),
];
/// The operations whose success is a stream of bytes the caller reads.
pub(crate) static STREAMED_RESPONSES: &[&str] = &[];
/// Each operation's documented error bodies, typed, by status.
pub mod errors {
    /// The error bodies `update_assistant` documents, by status: read one from an [`crate::Error`] with `UpdateAssistantError::try_from(&error)`. Non-exhaustive: a status the spec documents later is a new variant.
    #[derive(Clone, Debug, PartialEq)]
    #[non_exhaustive]
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
    /// The body of the error's response as the spec documents it for its status;
    /// why not, if it is not a refusal, its status documents no body, or the body
    /// does not match its schema.
    impl ::std::convert::TryFrom<&crate::Error> for UpdateAssistantError {
        type Error = crate::TypedBodyError;
        fn try_from(
            error: &crate::Error,
        ) -> ::std::result::Result<Self, crate::TypedBodyError> {
            let api = error.api_error().ok_or(crate::TypedBodyError::NotARefusal)?;
            match api.status.as_u16() {
                400u16 => api.typed(Self::Status400),
                401u16 => api.typed(Self::Status401),
                404u16 => api.typed(Self::Status404),
                429u16 => api.typed(Self::Status429),
                500u16..=599u16 => api.typed(Self::Status5xx),
                _ => Err(crate::TypedBodyError::NotDocumented(api.status)),
            }
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
