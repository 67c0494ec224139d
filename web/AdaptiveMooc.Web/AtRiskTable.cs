using System.Globalization;
using System.Text;
using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web;

/// <summary>
/// The dashboard's at-risk table: the analytics' at-risk list joined with each learner's last activity from the
/// API's learner table (<c>learners.csv</c>), and the same rows as a CSV file.
/// </summary>
public static class AtRiskTable
{
    public sealed record Row(string LearnerId, double Risk, double? AtRiskProbability, IReadOnlyList<string> Reasons, DateTimeOffset? LastActivity);

    public static IReadOnlyList<Row> Join(IReadOnlyList<AtRiskLearner> atRisk, IReadOnlyDictionary<string, DateTimeOffset> lastActivity)
    {
        ArgumentNullException.ThrowIfNull(atRisk);
        ArgumentNullException.ThrowIfNull(lastActivity);
        return [.. atRisk.Select(r => new Row(
            r.LearnerId, r.Risk, r.AtRiskProbability, r.Reasons, lastActivity.TryGetValue(r.LearnerId, out var at) ? at : null))];
    }

    /// <summary>learnerId → lastActivity from the API's learner CSV, found by its header; learners with none are left out.</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> LastActivity(string learnersCsv)
    {
        ArgumentNullException.ThrowIfNull(learnersCsv);
        var lines = learnersCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (lines.Length == 0)
        {
            return result;
        }

        var header = lines[0].Split(',');
        var idColumn = Array.IndexOf(header, "learnerId");
        var lastColumn = Array.IndexOf(header, "lastActivity");
        if (idColumn < 0 || lastColumn < 0)
        {
            return result;
        }

        foreach (var fields in lines.Skip(1).Select(l => l.Split(',')))
        {
            if (fields.Length > Math.Max(idColumn, lastColumn)
                && DateTimeOffset.TryParse(fields[lastColumn], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                result[fields[idColumn]] = at;
            }
        }

        return result;
    }

    /// <summary>RFC 4180 CSV of the rows; a cell a spreadsheet would read as a formula is prefixed with an apostrophe.</summary>
    public static string ToCsv(IReadOnlyList<Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder("learnerId,riskOfWithdrawing,riskOfFailingOrWithdrawing,lastActivity,reasons\r\n");
        foreach (var r in rows)
        {
            csv.Append(Cell(r.LearnerId)).Append(',')
                .Append(r.Risk.ToString("0.####", CultureInfo.InvariantCulture)).Append(',')
                .Append(r.AtRiskProbability?.ToString("0.####", CultureInfo.InvariantCulture)).Append(',')
                .Append(r.LastActivity?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(string.Join("; ", r.Reasons))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
