//! Behaviour of defaults.yaml: a property with a `default` stays optional on the wire (absent
//! is not the default), and the default is documented rather than applied.

use invent::types::{Widget, WidgetSize};
use serde_json::json;

#[test]
fn absent_stays_absent_and_is_not_filled_with_the_default() {
    let widget: Widget = serde_json::from_value(json!({"name": "w"})).unwrap();
    assert_eq!(widget.color, None);
    assert_eq!(widget.count, None);
    assert_eq!(widget.visible, None);
    assert_eq!(widget.size, None);
    assert_eq!(widget.tags, None);
    assert_eq!(serde_json::to_value(&widget).unwrap(), json!({"name": "w"}));
}

#[test]
fn values_equal_to_the_default_are_sent_as_given() {
    let doc = json!({"name": "unnamed", "color": "blue", "count": 1, "visible": true,
                     "size": "small", "tags": [], "settings": {}, "ratio": null});
    let widget: Widget = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(widget.size, Some(WidgetSize::Small));
    assert_eq!(serde_json::to_value(&widget).unwrap(), doc);
}

#[test]
fn a_required_property_with_a_default_is_still_required() {
    let error = serde_json::from_value::<Widget>(json!({})).unwrap_err();
    assert!(error.to_string().contains("missing field `name`"), "{error}");
}

#[tokio::test]
async fn parameters_with_defaults_are_left_out_unless_set() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("GET").path("/widgets").query_param_missing("limit").query_param_missing("order");
            then.status(200).json_body(json!([]));
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    let widgets = client.list_widgets().send().await.unwrap().into_inner();
    assert!(widgets.is_empty());
    mock.assert_async().await;
}
