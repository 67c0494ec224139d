using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AdaptiveMooc.ML.Oulad;

namespace AdaptiveMooc.Tools.Import;

/// <summary>
/// Writes xAPI 1.0.3 statements for <see cref="ImportStatement"/>s. Resource activity is
/// <c>experienced</c> with <c>result.duration</c> estimated at one minute per click, capped at 60
/// minutes a day (OULAD has no time on task; this is an assumption, stated in docs/ML.md) and the day's
/// click count as a result extension. A submission is <c>passed</c> (score ≥ 40, the OU pass mark) or
/// <c>failed</c>, with <c>result.score</c> and <c>result.success</c>; an unscored one is <c>completed</c>.
/// These are the verbs the ML adapter gives the same rows, so served features match trained ones.
/// </summary>
internal sealed class StatementWriter
{
    private const string Verbs = "http://adlnet.gov/expapi/verbs/";
    private const int MaxMinutesPerDay = 60;

    private readonly string publicBase;
    private readonly string courseActivities;
    private readonly string clicksExtension;
    private readonly string rowPrefix;
    private readonly ImportCalendar calendar;

    /// <param name="calendar">Places the rows in time (the presentation's own dates without one).</param>
    public StatementWriter(OuladPresentation presentation, string publicBase, ImportCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(presentation);
        this.publicBase = publicBase.TrimEnd('/');
        courseActivities = $"{this.publicBase}/courses/{presentation.CourseId}/lessons/";
        clicksExtension = $"{this.publicBase}/xapi/extensions/oulad-clicks";
        rowPrefix = presentation.Key + "/";
        this.calendar = calendar ?? new ImportCalendar(presentation);
    }

    /// <summary>The statement id: a v5 UUID of the row's identity within the presentation.</summary>
    public Guid IdOf(in ImportStatement s) =>
        DeterministicUuid.Create(
            DeterministicUuid.OuladNamespace,
            s.IsSubmission
                ? string.Create(CultureInfo.InvariantCulture, $"{rowPrefix}assessment/{s.TargetId}/student/{s.StudentId}")
                : string.Create(CultureInfo.InvariantCulture, $"{rowPrefix}vle/{s.TargetId}/student/{s.StudentId}/day/{s.Day}"));

    public static string LessonIdOf(in ImportStatement s) =>
        s.IsSubmission ? OuladCalendar.AssessmentLessonId(s.TargetId) : CourseMapper.Id(s.TargetId);

    /// <summary>A JSON array of the statements, UTF-8, each timestamped at its day's time (<see cref="ImportCalendar.Of"/>).</summary>
    public byte[] Write(ReadOnlySpan<ImportStatement> batch)
    {
        var buffer = new ArrayBufferWriter<byte>(batch.Length * 520);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var s in batch)
            {
                Write(json, s, calendar.Of(s));
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A JSON array of the statements, UTF-8, each with the timestamp given beside it (a live replay's).</summary>
    public byte[] Write(IReadOnlyList<(ImportStatement Statement, DateTimeOffset Timestamp)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var buffer = new ArrayBufferWriter<byte>(batch.Count * 520);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (s, timestamp) in batch)
            {
                Write(json, s, timestamp);
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private void Write(Utf8JsonWriter json, in ImportStatement s, DateTimeOffset timestamp)
    {
        json.WriteStartObject();
        json.WriteString("id", IdOf(s));
        json.WriteStartObject("actor");
        json.WriteString("objectType", "Agent");
        json.WriteStartObject("account");
        json.WriteString("homePage", publicBase);
        json.WriteString("name", ImportLearner.IdOf(s.StudentId));
        json.WriteEndObject();
        json.WriteEndObject();

        var verb = !s.IsSubmission ? "experienced"
            : s.Score is null ? "completed"
            : s.Score >= OuladDataset.PassScore ? "passed"
            : "failed";
        json.WriteStartObject("verb");
        json.WriteString("id", Verbs + verb);
        json.WriteStartObject("display");
        json.WriteString("en-US", verb);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("object");
        json.WriteString("objectType", "Activity");
        json.WriteString("id", courseActivities + LessonIdOf(s));
        json.WriteEndObject();

        json.WriteStartObject("result");
        if (s.IsSubmission)
        {
            if (s.Score is { } score)
            {
                json.WriteBoolean("success", score >= OuladDataset.PassScore);
                json.WriteStartObject("score");
                json.WriteNumber("scaled", Math.Round(score / 100, 4));
                json.WriteNumber("raw", score);
                json.WriteNumber("min", 0);
                json.WriteNumber("max", 100);
                json.WriteEndObject();
            }
        }
        else
        {
            json.WriteString("duration", string.Create(CultureInfo.InvariantCulture, $"PT{Math.Min(s.Clicks, MaxMinutesPerDay)}M"));
            json.WriteStartObject("extensions");
            json.WriteNumber(clicksExtension, s.Clicks);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }
}
