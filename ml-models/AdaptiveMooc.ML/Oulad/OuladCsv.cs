using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace AdaptiveMooc.ML.Oulad;

/// <summary>Header-addressed reader for the OULAD CSV tables (plain or .csv.gz, RFC 4180 quoting).</summary>
internal sealed class OuladCsv
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<string> _fields = [];

    private OuladCsv(string file, Dictionary<string, int> columns)
    {
        File = file;
        _columns = columns;
    }

    public string File { get; }

    /// <summary>Opens <c>name.csv</c> or, failing that, <c>name.csv.gz</c> in <paramref name="directory"/>.</summary>
    public static IEnumerable<OuladCsv> Rows(string directory, string name)
    {
        var plain = Path.Combine(directory, name + ".csv");
        var gz = plain + ".gz";
        var path = System.IO.File.Exists(plain) ? plain
            : System.IO.File.Exists(gz) ? gz
            : throw new FileNotFoundException($"OULAD table {name}.csv (or .csv.gz) not found in {directory}", plain);
        return ReadRows(path);
    }

    private static IEnumerable<OuladCsv> ReadRows(string path)
    {
        using var file = System.IO.File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        using var text = new StreamReader(stream, Encoding.UTF8);
        var header = text.ReadLine() ?? throw new InvalidDataException($"{path} is empty");
        var names = new List<string>();
        Split(header, names);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            columns[names[i].Trim().Trim('\uFEFF')] = i;
        }

        var row = new OuladCsv(path, columns);
        while (text.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            row._fields.Clear();
            Split(line, row._fields);
            yield return row;
        }
    }

    public string Text(string column) =>
        _columns.TryGetValue(column, out var i)
            ? i < _fields.Count ? _fields[i] : string.Empty
            : throw new InvalidDataException($"{File} has no column '{column}'");

    /// <summary>Integer cell; blank and '?' (the OU spelling of missing) are null. "12.0" is accepted.</summary>
    public int? Int(string column)
    {
        var value = Double(column);
        return value is { } v ? (int)Math.Round(v) : null;
    }

    public int RequiredInt(string column) =>
        Int(column) ?? throw new InvalidDataException($"{File}: blank '{column}'");

    public double? Double(string column)
    {
        var text = Text(column).Trim();
        if (text.Length == 0 || text == "?" || text.Equals("NA", StringComparison.Ordinal))
        {
            return null;
        }

        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static void Split(string line, List<string> into)
    {
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                into.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        into.Add(field.ToString());
    }
}
