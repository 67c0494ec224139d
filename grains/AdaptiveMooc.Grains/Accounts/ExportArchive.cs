using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdaptiveMooc.Grains.Accounts;

/// <summary>
/// The export zip: for each section a <c>{name}.json</c> (an array of objects, as the platform holds them) and
/// a <c>{name}.csv</c> (one row per object, one column per top-level property; nested values as JSON text).
/// </summary>
public static class ExportArchive
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static byte[] Build(IReadOnlyList<(string Name, IReadOnlyList<JsonNode?> Rows)> sections, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(sections);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, rows) in sections)
            {
                Write(zip, name + ".json", new JsonArray([.. rows.Select(r => r?.DeepClone())]).ToJsonString(Indented), at);
                Write(zip, name + ".csv", Csv(rows), at);
            }
        }

        return buffer.ToArray();
    }

    public static string Csv(IReadOnlyList<JsonNode?> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.OfType<JsonObject>().SelectMany(o => o.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows.OfType<JsonObject>())
        {
            text.AppendJoin(',', columns.Select(c => Quote(Cell(row[c])))).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Cell(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => value.ToJsonString(),
    };

    // RFC 4180; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static void Write(ZipArchive zip, string name, string content, DateTimeOffset at)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = at;
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
