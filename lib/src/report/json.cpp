#include "cchc/report/json.hpp"

#include <cstdio>
#include <optional>
#include <string_view>

#include "cchc/report/json_writer.hpp"
#include "cchc/version.hpp"

namespace cchc::report {

namespace {

void write_result(JsonWriter& json, const ScoredUnit& unit) {
  const Criteria& criteria = *unit.criteria;
  const Evidence& evidence = unit.evidence;
  const ScoreResult& result = unit.result;

  json.begin_object();
  json.key("unit");
  json.begin_object();
  json.key("id");
  json.string(evidence.unit.id);
  json.key("name");
  json.string(evidence.unit.name);
  json.end_object();
  json.key("year");
  json.integer(evidence.year);
  json.key("criteria");
  json.begin_object();
  json.key("id");
  json.string(criteria.id);
  json.key("sha256");
  json.string(criteria.sha256);
  json.end_object();
  json.key("evidence");
  json.begin_object();
  json.key("path");
  json.string(evidence.path);
  json.key("sha256");
  json.string(evidence.sha256);
  json.end_object();
  json.key("points");
  json.number(result.points);
  json.key("max");
  json.number(criteria.scale);
  json.key("applicable_max");
  json.number(result.applicable_max);
  json.key("coverage");
  json.number(result.coverage);
  json.key("bonus");
  json.number(result.bonus);
  json.key("penalty");
  json.number(result.penalty);
  json.key("index");
  json.number(result.index);
  json.key("grade");
  json.string_or_null(result.grade);

  json.key("fields");
  json.begin_array();
  for (const int field : criteria.fields) {
    const Node& node = node_at(criteria, field);
    const NodeResult& node_result = result_at(result, field);
    json.begin_object();
    json.key("id");
    json.string(node.id);
    json.key("title");
    json.string(node.title);
    json.key("points");
    json.number(node_result.points);
    json.key("max");
    json.number(node.max);
    json.key("applicable_max");
    json.number(node_result.applicable_max);
    json.end_object();
  }
  json.end_array();

  // Every leaf in criteria order (fields, bonus, penalty). `reason` and
  // `self_score` are null when there is none: the keys are always present.
  json.key("items");
  json.begin_array();
  for (const int leaf : leaves_of(criteria)) {
    const Node& node = node_at(criteria, leaf);
    const NodeResult& node_result = result_at(result, leaf);
    json.begin_object();
    json.key("id");
    json.string(node.id);
    json.key("points");
    json.number(node_result.points);
    json.key("max");
    json.number(node.max);
    json.key("status");
    json.string(status_code(node_result.status));
    json.key("reason");
    if (node_result.reason == Reason::none) {
      json.null();
    } else {
      json.string(reason_code(node_result.reason));
    }
    json.key("source");
    json.string(source_code(node_result.source));
    json.key("self_score");
    if (node_result.self_score) {
      json.number(*node_result.self_score);
    } else {
      json.null();
    }
    json.end_object();
  }
  json.end_array();

  // `detail`, `owner` and `remedy` are null when the criteria say nothing.
  json.key("deductions");
  json.begin_array();
  for (const Deduction& deduction : result.deductions) {
    const Node& node = node_at(criteria, deduction.node);
    json.begin_object();
    json.key("id");
    json.string(node.id);
    json.key("title");
    json.string(node.title);
    json.key("lost");
    json.number(deduction.lost);
    json.key("reason");
    json.string(reason_code(deduction.reason));
    json.key("detail");
    json.string_or_null(deduction.detail);
    json.key("owner");
    json.string_or_null(node.owner);
    json.key("remedy");
    json.string_or_null(node.remedy);
    json.end_object();
  }
  json.end_array();

  // `id` is null for a warning about the whole file.
  json.key("warnings");
  json.begin_array();
  for (const Diagnostic& warning : unit.warnings()) {
    json.begin_object();
    json.key("id");
    json.string_or_null(warning.subject);
    json.key("code");
    json.string_or_null(warning.code);
    json.key("message");
    json.string(warning.message);
    json.end_object();
  }
  json.end_array();

  // Last, and only with --peers; `previous` and `change` only with
  // --baseline (null for a unit new since then).
  if (unit.rank) {
    const RankPrediction& rank = *unit.rank;
    json.key("rank");
    json.begin_object();
    json.key("position");
    json.integer(rank.position);
    json.key("of");
    json.integer(rank.of);
    if (rank.has_baseline) {
      json.key("previous");
      json.integer_or_null(rank.previous);
      json.key("change");
      json.integer_or_null(rank.change);
    }
    json.end_object();
  }
  json.end_object();
}

}  // namespace

std::string render_score_json(const std::vector<ScoredUnit>& units) {
  JsonWriter json;
  json.begin_object();
  json.key("cchc");
  json.string("result/1");
  json.key("tool");
  json.begin_object();
  json.key("name");
  json.string("cchc");
  json.key("version");
  json.string(version());
  json.end_object();
  json.key("results");
  json.begin_array();
  for (const ScoredUnit& unit : units) {
    write_result(json, unit);
  }
  json.end_array();
  json.end_object();
  return json.take();
}

std::string render_ranking_json(const RankingReport& report) {
  JsonWriter json;
  json.begin_object();
  json.key("cchc");
  json.string("ranking/1");
  json.key("units");
  json.begin_array();
  for (const RankedUnit& ranked : report.units) {
    const RankInput& unit = ranked.unit;
    json.begin_object();
    json.key("position");
    json.integer(ranked.position);
    json.key("unit");
    json.string(unit.unit);
    json.key("name");
    json.string_or_null(unit.name);
    json.key("points");
    json.number_or_null(unit.points);
    json.key("index");
    json.number(unit.index);
    json.key("grade");
    json.string_or_null(unit.grade);
    json.key("previous");
    json.integer_or_null(ranked.previous);
    json.key("change");
    json.integer_or_null(ranked.change);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.take();
}

}  // namespace cchc::report
