using System.Globalization;

namespace AdaptiveMooc.ML.KnowledgeTracing;

/// <summary>
/// Reads the 3-line (length; ids; 0/1) and 4-line (user; problem ids; skill ids; 0/1) files. Tolerates
/// trailing commas, spaces, CRLF and blank lines between records; anything else malformed throws with
/// the line number, because a silently shifted record would corrupt every later one.
/// </summary>
public static class KtFileReader
{
    public static IReadOnlyList<KtRecord> ReadFile(string path, KtFormat format)
    {
        using var reader = new StreamReader(path);
        return Read(reader, format, path);
    }

    public static IReadOnlyList<KtRecord> Read(TextReader reader, KtFormat format, string source = "input")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<KtRecord>();
        var lineNumber = 0;

        string? NextNonBlank()
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                if (!string.IsNullOrWhiteSpace(line)) return line;
            }
            return null;
        }

        string Required(string what) =>
            NextNonBlank() ?? throw new FormatException($"{source}: file ends inside a record (missing {what} after line {lineNumber})");

        string? head;
        while ((head = NextNonBlank()) is not null)
        {
            var headLine = lineNumber;
            if (format == KtFormat.Akt)
            {
                var user = Fields(head).FirstOrDefault();
                var problems = Fields(Required("problem ids"));
                var skills = Fields(Required("skill ids"));
                var answers = Answers(Required("answers"), source, lineNumber);
                if (problems.Count != answers.Count || skills.Count != answers.Count)
                {
                    throw new FormatException(
                        $"{source}: record at line {headLine} has {problems.Count} problems, {skills.Count} skills, {answers.Count} answers");
                }
                records.Add(new KtRecord(records.Count, user, problems, skills, answers));
            }
            else
            {
                var lengthField = Fields(head).FirstOrDefault();
                if (!int.TryParse(lengthField, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    throw new FormatException($"{source}: line {headLine} should hold a sequence length, not '{head}'");
                }
                if (length == 0)
                {
                    records.Add(new KtRecord(records.Count, null, null, [], []));
                    continue;
                }
                var skills = Fields(Required("skill ids"));
                var answers = Answers(Required("answers"), source, lineNumber);
                if (skills.Count != length || answers.Count != length)
                {
                    throw new FormatException(
                        $"{source}: record at line {headLine} declares {length} rows but has {skills.Count} ids and {answers.Count} answers");
                }
                records.Add(new KtRecord(records.Count, null, null, skills, answers));
            }
        }
        return records;
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        foreach (var raw in line.Split(','))
        {
            var field = raw.Trim();
            if (field.Length > 0) fields.Add(field);
        }
        return fields;
    }

    private static List<bool> Answers(string line, string source, int lineNumber)
    {
        var answers = new List<bool>();
        foreach (var field in Fields(line))
        {
            answers.Add(field switch
            {
                "1" or "1.0" => true,
                "0" or "0.0" => false,
                _ => throw new FormatException($"{source}: line {lineNumber} has answer '{field}', expected 0 or 1"),
            });
        }
        return answers;
    }
}
