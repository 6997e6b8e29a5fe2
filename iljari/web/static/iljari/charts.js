// Dashboard charts with the vendored Apache ECharts. The figures come from a JSON data block
// (json_script); every chart has the same numbers in a table beside it.
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var font = { fontFamily: "'Pretendard GOV', sans-serif" };

  function bar(element, labels, rates, name) {
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      textStyle: font, grid: { left: 110, right: 40, top: 20, bottom: 30 },
      tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "-" : v.toFixed(1) + "%"; } },
      xAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", data: labels, inverse: true },
      series: [{ name: name, type: "bar", data: rates, itemStyle: { color: "#256ef4" },
                 label: { show: true, position: "right", formatter: function (p) { return p.value == null ? "-" : p.value.toFixed(1) + "%"; } } }]
    });
    return chart;
  }

  function line(element, years, series) {
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    function draw(index) {
      var item = series[index] || { name: "", target: [], actual: [] };
      chart.setOption({
        textStyle: font, grid: { left: 70, right: 30, top: 40, bottom: 30 },
        tooltip: { trigger: "axis" }, legend: { data: ["목표", "실적"] },
        xAxis: { type: "category", data: years.map(String) },
        yAxis: { type: "value", name: item.name },
        series: [
          { name: "목표", type: "line", data: item.target, lineStyle: { type: "dashed" }, itemStyle: { color: "#8a949e" } },
          { name: "실적", type: "line", data: item.actual, itemStyle: { color: "#256ef4" } }
        ]
      }, true);
    }
    draw(0);
    var select = document.querySelector("[data-chart-select=indicators]");
    if (select) { select.addEventListener("change", function () { draw(parseInt(select.value, 10)); }); }
    return chart;
  }

  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var kind = element.getAttribute("data-chart");
    if (kind === "budget") { charts.push(bar(element, data.budget.labels, data.budget.rates, "집행률")); }
    if (kind === "jobs") { charts.push(bar(element, data.jobs.labels, data.jobs.rates, "달성률")); }
    if (kind === "indicators") { charts.push(line(element, data.indicators.years, data.indicators.series)); }
    element.setAttribute("data-chart-ready", "true");
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
