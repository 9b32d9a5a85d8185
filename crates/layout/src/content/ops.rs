//! The typed content-stream operators. lopdf gives operators as strings with
//! loose operand lists; [`decode_operation`] turns each into an [`Op`] in one
//! place, checking operand types, so the interpreter only matches on the enum.

use lopdf::content::Operation;
use lopdf::Object;

use super::actual_text::MarkedProps;
use crate::pdf::obj::num;

/// One element of a `TJ` array.
#[derive(Clone, Debug, PartialEq)]
pub enum TextItem {
    /// A string to show.
    Text(Vec<u8>),
    /// A position adjustment in thousandths of text space (positive moves left).
    Adjust(f64),
}

/// A content-stream operator with its operands (ISO 32000-1, Annex A).
/// Operators we do not act on but know are `Ignored`, so that only truly
/// unknown ones produce a warning.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// `q`
    Save,
    /// `Q`
    Restore,
    /// `cm`
    Transform([f64; 6]),
    /// `w`
    LineWidth(f64),
    /// `m`
    MoveTo(f64, f64),
    /// `l`
    LineTo(f64, f64),
    /// `c`, `v`, `y`: only the end point matters (curves are never rulings).
    CurveTo(f64, f64),
    /// `h`
    ClosePath,
    /// `re`
    Rect(f64, f64, f64, f64),
    /// `S`
    Stroke,
    /// `s`
    CloseStroke,
    /// `f`, `F`, `f*`
    Fill,
    /// `B`, `B*`
    FillStroke,
    /// `b`, `b*`
    CloseFillStroke,
    /// `n`
    EndPath,
    /// `W`, `W*` (clipping is ignored; the path stays for the painting operator).
    Clip,
    /// `BT`
    BeginText,
    /// `ET`
    EndText,
    /// `Tc`
    CharSpacing(f64),
    /// `Tw`
    WordSpacing(f64),
    /// `Tz` (percent)
    HorizontalScaling(f64),
    /// `TL`
    Leading(f64),
    /// `Tf`: font resource name and size.
    Font(Vec<u8>, f64),
    /// `Tr`
    RenderMode(i64),
    /// `Ts`
    Rise(f64),
    /// `Td`
    MoveText(f64, f64),
    /// `TD`
    MoveTextSetLeading(f64, f64),
    /// `Tm`
    TextMatrix([f64; 6]),
    /// `T*`
    NextLine,
    /// `Tj`
    ShowText(Vec<u8>),
    /// `TJ`
    ShowTextArray(Vec<TextItem>),
    /// `'`
    NextLineShowText(Vec<u8>),
    /// `"`: word spacing, char spacing, text.
    NextLineShowTextSpaced(f64, f64, Vec<u8>),
    /// `Do`
    XObject(Vec<u8>),
    /// `BI … ID … EI` (an inline image).
    InlineImage,
    /// `BMC`
    BeginMarked(Vec<u8>),
    /// `BDC`: tag and properties (for `/ActualText`).
    BeginMarkedProps(Vec<u8>, MarkedProps),
    /// `EMC`
    EndMarked,
    /// `G`, `RG`, `K`, `SC`, `SCN`: whether the stroke colour is white.
    StrokeWhite(bool),
    /// `g`, `rg`, `k`, `sc`, `scn`: whether the fill colour is white.
    FillWhite(bool),
    /// A known operator without effect on glyphs or rulings (line style,
    /// shading, Type3 `d0`/`d1`, compatibility sections, …).
    Ignored,
}

/// A colour component at least this light (or, for CMYK, at most this much
/// ink) prints as white: a border drawn in it is invisible on paper.
const WHITE_LEVEL: f64 = 0.95;

/// Whether colour operands print white: 1 operand gray, 3 RGB, 4 CMYK
/// (ink). Pattern names and other spaces count as not white.
fn is_white(components: &[f64]) -> bool {
    match components {
        [g] => *g >= WHITE_LEVEL,
        [r, g, b] => [r, g, b].iter().all(|c| **c >= WHITE_LEVEL),
        [c, m, y, k] => [c, m, y, k].iter().all(|v| **v <= 1.0 - WHITE_LEVEL),
        _ => false,
    }
}

/// The properties operand of `BDC`: an inline dictionary (its
/// `/ActualText`) or a `/Properties` resource name.
fn marked_props(operand: Option<&Object>) -> MarkedProps {
    match operand {
        Some(Object::Name(n)) => MarkedProps::Named(n.clone()),
        Some(Object::Dictionary(d)) => MarkedProps::Inline(match d.get(b"ActualText") {
            Ok(Object::String(s, _)) => Some(s.clone()),
            _ => None,
        }),
        _ => MarkedProps::Inline(None),
    }
}

/// The numeric operands of an operation, in order.
fn numbers(args: &[Object]) -> Vec<f64> {
    args.iter().filter_map(num).collect()
}

/// Decodes one lopdf operation. `Err` names the operator and what was wrong:
/// an unknown operator or missing/mistyped operands.
pub fn decode_operation(op: &Operation) -> Result<Op, String> {
    let args = &op.operands;
    let n = |i: usize| -> Result<f64, String> {
        args.get(i)
            .and_then(num)
            .ok_or_else(|| format!("operator {}: operand {i} is not a number", op.operator))
    };
    let six = || -> Result<[f64; 6], String> { Ok([n(0)?, n(1)?, n(2)?, n(3)?, n(4)?, n(5)?]) };
    let string = |i: usize| -> Result<Vec<u8>, String> {
        match args.get(i) {
            Some(Object::String(s, _)) => Ok(s.clone()),
            _ => Err(format!("operator {}: operand {i} is not a string", op.operator)),
        }
    };
    let name = |i: usize| -> Result<Vec<u8>, String> {
        match args.get(i) {
            Some(Object::Name(s)) => Ok(s.clone()),
            _ => Err(format!("operator {}: operand {i} is not a name", op.operator)),
        }
    };
    Ok(match op.operator.as_str() {
        "q" => Op::Save,
        "Q" => Op::Restore,
        "cm" => Op::Transform(six()?),
        "w" => Op::LineWidth(n(0)?),
        "m" => Op::MoveTo(n(0)?, n(1)?),
        "l" => Op::LineTo(n(0)?, n(1)?),
        "c" => Op::CurveTo(n(4)?, n(5)?),
        "v" | "y" => Op::CurveTo(n(2)?, n(3)?),
        "h" => Op::ClosePath,
        "re" => Op::Rect(n(0)?, n(1)?, n(2)?, n(3)?),
        "S" => Op::Stroke,
        "s" => Op::CloseStroke,
        "f" | "F" | "f*" => Op::Fill,
        "B" | "B*" => Op::FillStroke,
        "b" | "b*" => Op::CloseFillStroke,
        "n" => Op::EndPath,
        "W" | "W*" => Op::Clip,
        "BT" => Op::BeginText,
        "ET" => Op::EndText,
        "Tc" => Op::CharSpacing(n(0)?),
        "Tw" => Op::WordSpacing(n(0)?),
        "Tz" => Op::HorizontalScaling(n(0)?),
        "TL" => Op::Leading(n(0)?),
        "Tf" => Op::Font(name(0)?, n(1)?),
        "Tr" => Op::RenderMode(n(0)? as i64),
        "Ts" => Op::Rise(n(0)?),
        "Td" => Op::MoveText(n(0)?, n(1)?),
        "TD" => Op::MoveTextSetLeading(n(0)?, n(1)?),
        "Tm" => Op::TextMatrix(six()?),
        "T*" => Op::NextLine,
        "Tj" => Op::ShowText(string(0)?),
        "'" => Op::NextLineShowText(string(0)?),
        "\"" => Op::NextLineShowTextSpaced(n(0)?, n(1)?, string(2)?),
        "TJ" => match args.first() {
            Some(Object::Array(items)) => Op::ShowTextArray(
                items
                    .iter()
                    .filter_map(|item| match item {
                        Object::String(s, _) => Some(TextItem::Text(s.clone())),
                        other => num(other).map(TextItem::Adjust),
                    })
                    .collect(),
            ),
            _ => return Err("operator TJ: operand 0 is not an array".into()),
        },
        "Do" => Op::XObject(name(0)?),
        "BI" => Op::InlineImage,
        "BMC" => Op::BeginMarked(name(0)?),
        "BDC" => Op::BeginMarkedProps(name(0)?, marked_props(args.get(1))),
        "EMC" => Op::EndMarked,
        // Colour: only whether it prints white matters (white borders are
        // invisible); a colour space change starts from black.
        "G" | "RG" | "K" | "SC" | "SCN" => Op::StrokeWhite(is_white(&numbers(args))),
        "g" | "rg" | "k" | "sc" | "scn" => Op::FillWhite(is_white(&numbers(args))),
        "CS" => Op::StrokeWhite(false),
        "cs" => Op::FillWhite(false),
        // Line style, rendering intent, flatness, graphics state
        // dictionaries, shading, Type3 glyph metrics, marked points,
        // compatibility sections: nothing we extract depends on them.
        "J" | "j" | "M" | "d" | "ri" | "i" | "gs" | "sh" | "d0" | "d1" | "MP" | "DP" | "BX"
        | "EX" | "ID" | "EI" => Op::Ignored,
        other => return Err(format!("unknown operator {other:?}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(operator: &str, operands: Vec<Object>) -> Operation {
        Operation::new(operator, operands)
    }

    #[test]
    fn decodes_typed_operands() {
        assert_eq!(
            decode_operation(&op(
                "cm",
                vec![1.into(), 0.into(), 0.into(), 1.into(), 10.into(), 20.5.into()]
            )),
            Ok(Op::Transform([1.0, 0.0, 0.0, 1.0, 10.0, 20.5]))
        );
        assert_eq!(
            decode_operation(&op("Tf", vec![Object::Name(b"F1".to_vec()), 12.into()])),
            Ok(Op::Font(b"F1".to_vec(), 12.0))
        );
        assert_eq!(
            decode_operation(&op(
                "TJ",
                vec![Object::Array(vec![
                    Object::string_literal("a"),
                    (-250).into(),
                    Object::string_literal("b")
                ])]
            )),
            Ok(Op::ShowTextArray(vec![
                TextItem::Text(b"a".to_vec()),
                TextItem::Adjust(-250.0),
                TextItem::Text(b"b".to_vec())
            ]))
        );
        assert_eq!(
            decode_operation(&op("c", (1..=6).map(Object::from).collect())),
            Ok(Op::CurveTo(5.0, 6.0))
        );
        assert_eq!(decode_operation(&op("f*", vec![])), Ok(Op::Fill));
        assert_eq!(
            decode_operation(&op("rg", vec![1.into(), 0.into(), 0.into()])),
            Ok(Op::FillWhite(false))
        );
        assert_eq!(decode_operation(&op("G", vec![1.into()])), Ok(Op::StrokeWhite(true)));
        assert_eq!(
            decode_operation(&op("k", vec![0.into(), 0.into(), 0.into(), 0.into()])),
            Ok(Op::FillWhite(true))
        );
        assert_eq!(
            decode_operation(&op("K", vec![0.into(), 0.into(), 0.into(), 1.into()])),
            Ok(Op::StrokeWhite(false))
        );
    }

    #[test]
    fn bad_operands_and_unknown_operators_are_errors() {
        assert!(decode_operation(&op("cm", vec![1.into()])).unwrap_err().contains("cm"));
        assert!(decode_operation(&op("Tj", vec![1.into()])).is_err());
        assert!(decode_operation(&op("Tf", vec![12.into(), Object::Name(b"F1".to_vec())])).is_err());
        assert_eq!(decode_operation(&op("zz", vec![])), Err("unknown operator \"zz\"".to_string()));
    }
}
