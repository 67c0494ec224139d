using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdaptiveMooc.ML.Oulad;
using Parquet;
using Parquet.Schema;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// <c>mooc import oulad-subset</c>: writes an OULAD folder holding one presentation and a sample of its
/// registrations (the students whose SHA-256 of id_student sorts first: a fixed, outcome-blind sample),
/// with every table row of those students and the presentation's course, assessment and VLE rows, in
/// the published layout (CSV tables, a studentVle Parquet partition of nullable doubles). This is how
/// <c>data/oulad-demo</c> was made.
/// </summary>
internal static class OuladSubset
{
    public const string Usage = "usage: mooc import oulad-subset --dir DIR --presentation MODULE-PRESENTATION --learners N --out DIR";

    private static readonly string[] CourseColumns = ["code_module", "code_presentation", "module_presentation_length"];
    private static readonly string[] AssessmentColumns = ["code_module", "code_presentation", "id_assessment", "assessment_type", "date", "weight"];
    private static readonly string[] VleColumns = ["id_site", "code_module", "code_presentation", "activity_type", "week_from", "week_to"];
    private static readonly string[] InfoColumns =
        ["code_module", "code_presentation", "id_student", "gender", "region", "highest_education", "imd_band", "age_band", "num_of_prev_attempts", "studied_credits", "disability", "final_result"];

    private static readonly string[] RegistrationColumns = ["code_module", "code_presentation", "id_student", "date_registration", "date_unregistration"];
    private static readonly string[] SubmissionColumns = ["id_assessment", "id_student", "date_submitted", "is_banked", "score"];

    public static async Task<int> RunAsync(string[] args)
    {
        string? directory = null, presentation = null, output = null;
        var learners = 200;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--dir" when value is not null: directory = value; i++; break;
                case "--presentation" when value is not null: presentation = value; i++; break;
                case "--out" when value is not null: output = value; i++; break;
                case "--learners" when int.TryParse(value, CultureInfo.InvariantCulture, out learners) && learners > 0: i++; break;
                default:
                    Console.Error.WriteLine($"import oulad-subset: unknown or incomplete option '{args[i]}'\n{Usage}");
                    return 2;
            }
        }

        if (directory is null || presentation is null || output is null)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var written = await WriteAsync(directory, presentation, learners, output, CancellationToken.None);
        Console.Error.WriteLine($"import oulad-subset: {written} registrations of {presentation} written to {output}");
        return 0;
    }

    public static async Task<int> WriteAsync(string directory, string presentationKey, int learners, string output, CancellationToken cancellationToken)
    {
        var dataset = OuladDataset.Load(directory, new OuladPresentationFilter(presentationKey));
        if (dataset.Presentations.Count != 1)
        {
            throw new ArgumentException($"'{presentationKey}' matches {dataset.Presentations.Count} presentations; name exactly one.");
        }

        var p = dataset.Presentations[0];
        var chosen = dataset.RegistrationsOf(p)
            .Select(r => r.StudentId)
            .OrderBy(id => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(id.ToString(CultureInfo.InvariantCulture)))), StringComparer.Ordinal)
            .Take(learners)
            .ToHashSet();
        var assessments = dataset.AssessmentsOf(p).Select(a => a.Id).ToHashSet();
        Directory.CreateDirectory(output);
        bool Here(OuladCsv row) => row.Text("code_module") == p.Module && row.Text("code_presentation") == p.Presentation;
        bool Chosen(OuladCsv row) => row.Int("id_student") is { } s && chosen.Contains(s);
        Copy(directory, output, "courses", CourseColumns, Here);
        Copy(directory, output, "assessments", AssessmentColumns, Here);
        Copy(directory, output, "vle", VleColumns, Here);
        Copy(directory, output, "studentInfo", InfoColumns, row => Here(row) && Chosen(row));
        Copy(directory, output, "studentRegistration", RegistrationColumns, row => Here(row) && Chosen(row));
        Copy(directory, output, "studentAssessment", SubmissionColumns, row => Chosen(row) && row.Int("id_assessment") is { } a && assessments.Contains(a));
        var clicks = await dataset.ReadClicksAsync(p, cancellationToken);
        await WriteClicksAsync(output, p.Module, p.Presentation, [.. clicks.Where(c => chosen.Contains(c.StudentId))], cancellationToken);
        return chosen.Count;
    }

    /// <summary>A studentVle partition as published: nullable double columns id_student, id_site, date, sum_click.</summary>
    public static async Task WriteClicksAsync(string directory, string module, string presentation, IReadOnlyList<OuladClick> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var path = OuladClickReader.PartitionPath(directory, module, presentation);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var student = new DataField<double?>("id_student");
        var site = new DataField<double?>("id_site");
        var date = new DataField<double?>("date");
        var clicks = new DataField<double?>("sum_click");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(student, site, date, clicks), stream, cancellationToken: cancellationToken);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<double>(student, rows.Select(r => (double?)r.StudentId).ToArray().AsMemory(), null, null, cancellationToken);
        await group.WriteAsync<double>(site, rows.Select(r => (double?)r.SiteId).ToArray().AsMemory(), null, null, cancellationToken);
        await group.WriteAsync<double>(date, rows.Select(r => (double?)r.Day).ToArray().AsMemory(), null, null, cancellationToken);
        await group.WriteAsync<double>(clicks, rows.Select(r => (double?)r.Clicks).ToArray().AsMemory(), null, null, cancellationToken);
    }

    private static void Copy(string from, string to, string table, string[] columns, Func<OuladCsv, bool> keep)
    {
        var text = new StringBuilder(string.Join(',', columns)).Append('\n');
        foreach (var row in OuladCsv.Rows(from, table))
        {
            if (keep(row))
            {
                text.AppendJoin(',', columns.Select(c => Quote(row.Text(c)))).Append('\n');
            }
        }

        File.WriteAllText(Path.Combine(to, table + ".csv"), text.ToString());
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
