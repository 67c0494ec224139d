using AdaptiveMooc.Web.Api;

namespace AdaptiveMooc.Web;

/// <summary>
/// The course editor's form: mutable, holding text as typed (lists as comma-separated text) so an error from the
/// API never loses what the trainer entered. <see cref="ToBody"/> makes the API's course body from it.
/// </summary>
public sealed class CourseDraft
{
    public string Id { get; set; } = "";

    public string Title { get; set; } = "";

    public string Field { get; set; } = "";

    public string? Description { get; set; }

    public string Language { get; set; } = "en";

    public string PricingKind { get; set; } = "free";

    public decimal? Price { get; set; }

    public string? Currency { get; set; }

    public string CertificateKind { get; set; } = "statement";

    public double PassThreshold { get; set; } = 0.6;

    public List<ModuleDraft> Modules { get; set; } = [new()];

    public CourseBody ToBody() => new(
        Id.Trim(),
        Title,
        Field,
        string.IsNullOrWhiteSpace(Description) ? null : Description,
        string.IsNullOrWhiteSpace(Language) ? null : Language.Trim(),
        PricingKind == "paid" ? new Pricing("paid", Price, Currency?.Trim()) : new Pricing("free"),
        new CertificateRule(CertificateKind, PassThreshold),
        null,
        Modules.Select(m => new Module(m.Id.Trim(), m.Title, m.Lessons.Select(l => l.ToLesson()).ToList())).ToList());

    public static CourseDraft From(Course course)
    {
        ArgumentNullException.ThrowIfNull(course);
        return new CourseDraft
        {
            Id = course.Id,
            Title = course.Title,
            Field = course.Field,
            Description = course.Description,
            Language = course.Language ?? "",
            PricingKind = course.Pricing.Kind,
            Price = course.Pricing.Price,
            Currency = course.Pricing.Currency,
            CertificateKind = course.Certificate?.Kind ?? "statement",
            PassThreshold = course.Certificate?.PassThreshold ?? 0.6,
            Modules = course.Modules.Select(m => new ModuleDraft
            {
                Id = m.Id,
                Title = m.Title,
                Lessons = (m.Lessons ?? []).Select(LessonDraft.From).ToList(),
            }).ToList(),
        };
    }

    internal static IReadOnlyList<string> SplitList(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public sealed class ModuleDraft
    {
        public string Id { get; set; } = "m1";

        public string Title { get; set; } = "";

        public List<LessonDraft> Lessons { get; set; } = [new()];
    }

    public sealed class LessonDraft
    {
        public string Id { get; set; } = "";

        public string Title { get; set; } = "";

        public string Kind { get; set; } = "video";

        public int Minutes { get; set; } = 20;

        public string? Skills { get; set; }

        public string? Prerequisites { get; set; }

        public bool Required { get; set; } = true;

        public int? DueDay { get; set; }

        public string? ContentUrl { get; set; }

        /// <summary>The lesson's Markdown, rendered and sanitised by the API for readers.</summary>
        public string? Body { get; set; }

        /// <summary>A file uploaded to the course (its SHA-256 id), or null.</summary>
        public string? MediaId { get; set; }

        public Lesson ToLesson() => new(
            Id.Trim(), Title, Kind, Minutes, SplitList(Skills), SplitList(Prerequisites), Required,
            string.IsNullOrWhiteSpace(ContentUrl) ? null : ContentUrl.Trim(), DueDay,
            string.IsNullOrWhiteSpace(Body) ? null : Body, string.IsNullOrWhiteSpace(MediaId) ? null : MediaId);

        public static LessonDraft From(Lesson lesson)
        {
            ArgumentNullException.ThrowIfNull(lesson);
            return new LessonDraft
            {
                Id = lesson.Id,
                Title = lesson.Title,
                Kind = lesson.Kind,
                Minutes = lesson.Minutes,
                Skills = string.Join(", ", lesson.Skills ?? []),
                Prerequisites = string.Join(", ", lesson.Prerequisites ?? []),
                Required = lesson.Required,
                DueDay = lesson.DueDay,
                ContentUrl = lesson.ContentUrl,
                Body = lesson.Body,
                MediaId = lesson.MediaId,
            };
        }
    }
}
