//! Each operation's credentials as its `security` (or the document's) says: alternatives of
//! schemes, each one a way the SDK sends a credential; written to the operation for the SDK.

use serde_json::{Map, Value, json};

use super::Diagnostics;

/// The operation's credentials, resolved: a list of alternatives, each a list of
/// `{"kind": "bearer" | "basic" | "header" | "query" | "cookie", "name": …}`. Absent where the
/// spec says nothing (the SDK then sends its key as a bearer token); `[]` for none.
pub const SECURITY: &str = "x-invent-security";

/// Resolves the `security` of every operation, with a warning for each scheme the SDK cannot
/// send (HTTP digest, mutual TLS, a scheme that is not declared): its alternative is not used.
pub fn resolve(json: &mut Value, diagnostics: &mut Diagnostics) -> Result<(), String> {
    let schemes = json
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let root = json.get("security").cloned();
    super::each_operation_mut(json, |at, _, op| {
        let (requirement, place) = match (op.get("security"), &root) {
            (Some(own), _) => (own.clone(), super::join(at, "security")),
            (None, Some(root)) => (root.clone(), "security".to_string()),
            (None, None) => return Ok(()),
        };
        let mut alternatives = Vec::new();
        for (i, alternative) in requirement.as_array().into_iter().flatten().enumerate() {
            let mut credentials = Vec::new();
            for name in alternative
                .as_object()
                .into_iter()
                .flatten()
                .map(|(n, _)| n)
            {
                match credential(schemes.get(name)) {
                    Ok(credential) => credentials.push(credential),
                    Err(why) => {
                        diagnostics.warn(
                            "security",
                            format!("{place}.{i}.{name}"),
                            format!("{why}; the SDK does not use this alternative"),
                        );
                        credentials.clear();
                        break;
                    }
                }
            }
            let empty = alternative.as_object().is_none_or(Map::is_empty);
            if !credentials.is_empty() || empty {
                alternatives.push(Value::Array(credentials));
            }
        }
        op.insert(SECURITY.into(), Value::Array(alternatives));
        Ok(())
    })
}

/// How the SDK sends a scheme's credential.
fn credential(scheme: Option<&Value>) -> Result<Value, String> {
    let scheme = scheme.ok_or("a scheme `components.securitySchemes` does not declare")?;
    let kind = scheme.get("type").and_then(Value::as_str).unwrap_or("");
    let text = |key: &str| scheme.get(key).and_then(Value::as_str).unwrap_or("");
    Ok(match kind {
        "http" if text("scheme").eq_ignore_ascii_case("bearer") => json!({"kind": "bearer"}),
        "http" if text("scheme").eq_ignore_ascii_case("basic") => json!({"kind": "basic"}),
        "http" => return Err(format!("HTTP `{}` authentication", text("scheme"))),
        "oauth2" | "openIdConnect" => json!({"kind": "bearer"}),
        "apiKey"
            if matches!(text("in"), "header" | "query" | "cookie") && !text("name").is_empty() =>
        {
            json!({"kind": text("in"), "name": text("name")})
        }
        "apiKey" => return Err("an API key without a usable `in` and `name`".into()),
        other => return Err(format!("a `{other}` scheme")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_operation_gets_its_own_or_the_document_s_alternatives() {
        let mut doc = json!({
            "security": [{"token": []}],
            "paths": {"/a": {
                "get": {"responses": {}},
                "put": {"security": [], "responses": {}},
                "post": {"security": [{"digest": []}, {"basic": [], "key": []}, {}], "responses": {}}
            }},
            "components": {"securitySchemes": {
                "token": {"type": "oauth2", "flows": {}},
                "basic": {"type": "http", "scheme": "Basic"},
                "digest": {"type": "http", "scheme": "digest"},
                "key": {"type": "apiKey", "in": "query", "name": "api_key"}
            }}
        });
        let mut diagnostics = Diagnostics::default();
        resolve(&mut doc, &mut diagnostics).unwrap();
        let of = |method: &str| doc["paths"]["/a"][method][SECURITY].clone();
        assert_eq!(of("get"), json!([[{"kind": "bearer"}]]));
        assert_eq!(of("put"), json!([]));
        assert_eq!(
            of("post"),
            json!([[{"kind": "basic"}, {"kind": "query", "name": "api_key"}], []])
        );
        let report = diagnostics.report();
        assert!(report.contains("paths./a.post.security.0.digest: HTTP `digest` authentication"));
    }
}
