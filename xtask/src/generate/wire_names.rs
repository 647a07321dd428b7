//! Parameters renamed for Rust (`StartTime<` is the builder method `start_time_before`) go on
//! the wire, and into the mock's matchers, by the name the spec gives them.

use std::collections::HashMap;

use serde_json::Value;

use crate::generate::tree;
use crate::spec::{Spec, names::WIRE_NAME};

/// Where a generated file names a parameter's wire name: each query or header parameter once
/// in the SDK's request; in the mock, once (a required one) or twice (an optional one, which
/// can also be matched as missing).
#[derive(Clone, Copy)]
pub enum Uses {
    Request,
    Mock,
}

/// Puts back the wire name of every renamed parameter in `file`; fails when the file does not
/// name them as often as `uses` says.
pub fn apply(spec: &Spec, file: &mut syn::File, uses: Uses) -> Result<(), String> {
    let mut renames: HashMap<String, String> = HashMap::new();
    let mut expected = 0;
    for op in spec.operations() {
        for parameter in op.parameters() {
            let Some(wire) = parameter.get(WIRE_NAME).and_then(Value::as_str) else {
                continue;
            };
            let name = parameter.get("name").and_then(Value::as_str).unwrap_or("");
            if let Some(other) = renames.insert(name.to_string(), wire.to_string())
                && other != wire
            {
                return Err(format!(
                    "parameters `{other}` and `{wire}` were both renamed `{name}` (operation `{}`)",
                    op.id
                ));
            }
            let required = parameter.get("required") == Some(&Value::Bool(true));
            expected += match uses {
                Uses::Request => 1,
                Uses::Mock if required => 1,
                Uses::Mock => 2,
            };
        }
    }
    if renames.is_empty() {
        return Ok(());
    }
    let done = tree::rename_literals(file, &renames);
    if done != expected {
        return Err(format!(
            "the wire-name pass should put back {expected} parameter names (from the spec) but \
             found {done}: progenitor's output changed"
        ));
    }
    Ok(())
}
