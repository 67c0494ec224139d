using AdaptiveMooc.Grains.Abstractions.Common;

namespace AdaptiveMooc.Grains.Abstractions.Courses;

/// <summary>
/// The course rules of docs/API.md, shared by the API (which answers 400 before anything is stored)
/// and the course grain (which refuses the same input from any other caller).
/// </summary>
public static class CourseValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxSkillsPerLesson = 50;
    public const int MaxItemsPerLesson = 500;

    /// <summary>A lesson's Markdown body; the course definition's 4 MiB body limit bounds the sum.</summary>
    public const int MaxBodyLength = 200_000;

    /// <summary>Null when valid; otherwise the first problem, with the JSON path of the field.</summary>
    public static CommandResult? Validate(CourseDefinition? course)
    {
        if (course is null)
        {
            return CommandResult.Invalid("body", "A course definition is required.");
        }

        if (!Ids.IsValid(course.Id))
        {
            return CommandResult.Invalid("id", "id must be 1-64 characters of [a-z0-9-].");
        }

        if (course.ProviderId is { } providerId && !Ids.IsValid(providerId))
        {
            return CommandResult.Invalid("providerId", "providerId must be 1-64 characters of [a-z0-9-].");
        }

        if (Text(course.Title, "title", MaxTitleLength, required: true) is { } title)
        {
            return title;
        }

        if (Text(course.Field, "field", 100, required: true) is { } field)
        {
            return field;
        }

        if (Text(course.Description, "description", MaxDescriptionLength, required: false) is { } description)
        {
            return description;
        }

        if (course.Language is { } language && (language.Length is < 2 or > 35))
        {
            return CommandResult.Invalid("language", "language must be a BCP 47 tag such as 'en'.");
        }

        if (ValidatePricing(course.Pricing) is { } pricing)
        {
            return pricing;
        }

        if (course.Certificate is { } certificate)
        {
            if (certificate.Kind is not (CertificateRule.Statement or CertificateRule.Certificate or CertificateRule.Diploma))
            {
                return CommandResult.Invalid("certificate.kind", "certificate.kind must be statement, certificate or diploma.");
            }

            if (!course.Pricing.IsPaid && certificate.Kind != CertificateRule.Statement)
            {
                return CommandResult.Invalid("certificate.kind", "A free course gives only a statement.");
            }

            if (double.IsNaN(certificate.PassThreshold) || certificate.PassThreshold is < 0 or > 1)
            {
                return CommandResult.Invalid("certificate.passThreshold", "certificate.passThreshold must be between 0 and 1.");
            }
        }

        if (course.MasteryThreshold is { } threshold
            && (!double.IsFinite(threshold) || threshold < CourseDefinition.MinMasteryThreshold || threshold > CourseDefinition.MaxMasteryThreshold))
        {
            return CommandResult.Invalid(
                "masteryThreshold",
                FormattableString.Invariant($"masteryThreshold must be between {CourseDefinition.MinMasteryThreshold} and {CourseDefinition.MaxMasteryThreshold}."));
        }

        return ValidateModules(course.Modules);
    }

    private static CommandResult? ValidatePricing(Pricing? pricing)
    {
        if (pricing is null)
        {
            return CommandResult.Invalid("pricing", "pricing is required ({\"kind\": \"free\"} or {\"kind\": \"paid\", \"price\", \"currency\"}).");
        }

        if (pricing.Kind == Pricing.Free)
        {
            return pricing.Price is null or 0 ? null : CommandResult.Invalid("pricing.price", "A free course has no price.");
        }

        if (pricing.Kind != Pricing.Paid)
        {
            return CommandResult.Invalid("pricing.kind", "pricing.kind must be free or paid.");
        }

        if (pricing.Price is not > 0)
        {
            return CommandResult.Invalid("pricing.price", "A paid course needs a positive price.");
        }

        if (pricing.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            return CommandResult.Invalid("pricing.currency", "pricing.currency must be an ISO 4217 code such as 'EUR'.");
        }

        // Payments charge whole minor units (cents; yen have none): the price must be one.
        if (Pricing.ToMinorUnits(pricing.Price.Value, currency) is null)
        {
            return CommandResult.Invalid("pricing.price", $"pricing.price must be a whole number of {currency}'s smallest unit, and at most 999999.");
        }

        return null;
    }

    private static CommandResult? ValidateModules(IReadOnlyList<ModuleDefinition>? modules)
    {
        if (modules is null || modules.Count == 0)
        {
            return CommandResult.Invalid("modules", "A course needs at least one module.");
        }

        var moduleIds = new HashSet<string>(StringComparer.Ordinal);
        var lessons = new Dictionary<string, LessonDefinition>(StringComparer.Ordinal);
        var lessonPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var m = 0; m < modules.Count; m++)
        {
            var module = modules[m];
            var path = $"modules[{m}]";
            if (module is null)
            {
                return CommandResult.Invalid(path, $"{path} is null.");
            }

            if (!Ids.IsValid(module.Id))
            {
                return CommandResult.Invalid($"{path}.id", $"{path}.id must be 1-64 characters of [a-z0-9-].");
            }

            if (!moduleIds.Add(module.Id))
            {
                return CommandResult.Invalid($"{path}.id", $"Module id '{module.Id}' is used twice.");
            }

            if (Text(module.Title, $"{path}.title", MaxTitleLength, required: true) is { } title)
            {
                return title;
            }

            var moduleLessons = module.Lessons ?? [];
            for (var l = 0; l < moduleLessons.Count; l++)
            {
                var lessonPath = $"{path}.lessons[{l}]";
                if (lessons.Count >= CourseDefinition.MaxLessons)
                {
                    return CommandResult.Invalid("modules", $"A course holds at most {CourseDefinition.MaxLessons} lessons.");
                }

                if (ValidateLesson(moduleLessons[l], lessonPath) is { } problem)
                {
                    return problem;
                }

                if (!lessons.TryAdd(moduleLessons[l].Id, moduleLessons[l]))
                {
                    return CommandResult.Invalid($"{lessonPath}.id", $"Lesson id '{moduleLessons[l].Id}' is used twice.");
                }

                lessonPaths[moduleLessons[l].Id] = lessonPath;
            }
        }

        if (lessons.Count == 0)
        {
            return CommandResult.Invalid("modules", "A course needs at least one lesson.");
        }

        foreach (var (id, lesson) in lessons)
        {
            var prerequisites = lesson.Prerequisites ?? [];
            for (var p = 0; p < prerequisites.Count; p++)
            {
                if (!lessons.ContainsKey(prerequisites[p]))
                {
                    return CommandResult.Invalid(
                        $"{lessonPaths[id]}.prerequisites[{p}]",
                        $"Lesson '{id}' has prerequisite '{prerequisites[p]}', which is not a lesson of this course.");
                }
            }
        }

        return FindCycle(lessons) is { } cycle
            ? CommandResult.Invalid(
                $"{lessonPaths[cycle[0]]}.prerequisites",
                $"Prerequisites form a cycle: {string.Join(" -> ", cycle)}.")
            : null;
    }

    private static CommandResult? ValidateLesson(LessonDefinition? lesson, string path)
    {
        if (lesson is null)
        {
            return CommandResult.Invalid(path, $"{path} is null.");
        }

        if (!Ids.IsValid(lesson.Id))
        {
            return CommandResult.Invalid($"{path}.id", $"{path}.id must be 1-64 characters of [a-z0-9-].");
        }

        if (Text(lesson.Title, $"{path}.title", MaxTitleLength, required: true) is { } title)
        {
            return title;
        }

        if (lesson.Kind is null || !LessonKinds.All.Contains(lesson.Kind))
        {
            return CommandResult.Invalid($"{path}.kind", $"{path}.kind must be one of {string.Join(", ", LessonKinds.All)}.");
        }

        if (lesson.Minutes is < 1 or > 1440)
        {
            return CommandResult.Invalid($"{path}.minutes", $"{path}.minutes must be between 1 and 1440.");
        }

        if (Skills(lesson.Skills, $"{path}.skills") is { } skills)
        {
            return skills;
        }

        if (lesson.ContentUrl is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            return CommandResult.Invalid($"{path}.contentUrl", $"{path}.contentUrl must be an absolute http(s) URL.");
        }

        if (lesson.Body is { Length: > MaxBodyLength })
        {
            return CommandResult.Invalid($"{path}.body", $"{path}.body holds at most {MaxBodyLength} characters.");
        }

        if (lesson.MediaId is { } mediaId && !MediaIds.IsValid(mediaId))
        {
            return CommandResult.Invalid($"{path}.mediaId", $"{path}.mediaId must be the id of an uploaded file (64 lowercase hex digits).");
        }

        if (lesson.DueDay is < 0 or > 3660)
        {
            return CommandResult.Invalid($"{path}.dueDay", $"{path}.dueDay must be between 0 and 3660.");
        }

        var prerequisites = lesson.Prerequisites ?? [];
        if (prerequisites.Any(p => p is null))
        {
            return CommandResult.Invalid($"{path}.prerequisites", $"{path}.prerequisites holds a null.");
        }

        if (prerequisites.Contains(lesson.Id, StringComparer.Ordinal))
        {
            return CommandResult.Invalid($"{path}.prerequisites", $"Prerequisites form a cycle: {lesson.Id} -> {lesson.Id}.");
        }

        var items = lesson.Items ?? [];
        if (items.Count > MaxItemsPerLesson)
        {
            return CommandResult.Invalid($"{path}.items", $"A lesson holds at most {MaxItemsPerLesson} items.");
        }

        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.items[{i}]";
            if (items[i] is null || !Ids.IsValid(items[i].Id))
            {
                return CommandResult.Invalid($"{itemPath}.id", $"{itemPath}.id must be 1-64 characters of [a-z0-9-].");
            }

            if (!itemIds.Add(items[i].Id))
            {
                return CommandResult.Invalid($"{itemPath}.id", $"Item id '{items[i].Id}' is used twice in this lesson.");
            }

            if (Skills(items[i].Skills, $"{itemPath}.skills") is { } itemSkills)
            {
                return itemSkills;
            }
        }

        return ValidatePool(lesson, path);
    }

    private static CommandResult? ValidatePool(LessonDefinition lesson, string path)
    {
        if (lesson.Pool is not { } pool)
        {
            return null;
        }

        if (!LessonKinds.IsGraded(lesson.Kind))
        {
            return CommandResult.Invalid($"{path}.pool", $"{path}.pool: only quiz and assignment lessons draw items.");
        }

        if (lesson.Items is { Count: > 0 })
        {
            return CommandResult.Invalid($"{path}.pool", $"{path}: give items (a fixed list) or pool (random items), not both.");
        }

        if (pool.Skills is not { Count: > 0 } skills || skills.Count > LessonPool.MaxSkills)
        {
            return CommandResult.Invalid($"{path}.pool.skills", $"{path}.pool.skills must list 1-{LessonPool.MaxSkills} skills.");
        }

        if (Skills(skills, $"{path}.pool.skills") is { } problem)
        {
            return problem;
        }

        return pool.Count is < 1 or > LessonPool.MaxCount
            ? CommandResult.Invalid($"{path}.pool.count", $"{path}.pool.count must be between 1 and {LessonPool.MaxCount}.")
            : null;
    }

    private static CommandResult? Skills(IReadOnlyList<string>? skills, string path)
    {
        if (skills is null)
        {
            return null;
        }

        if (skills.Count > MaxSkillsPerLesson)
        {
            return CommandResult.Invalid(path, $"{path} holds at most {MaxSkillsPerLesson} skills.");
        }

        for (var s = 0; s < skills.Count; s++)
        {
            if (string.IsNullOrWhiteSpace(skills[s]) || skills[s].Length > 100)
            {
                return CommandResult.Invalid($"{path}[{s}]", $"{path}[{s}] must be a non-empty name of at most 100 characters.");
            }
        }

        return null;
    }

    private static CommandResult? Text(string? value, string field, int maxLength, bool required)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return required ? CommandResult.Invalid(field, $"{field} is required.") : null;
        }

        return value.Length > maxLength ? CommandResult.Invalid(field, $"{field} holds at most {maxLength} characters.") : null;
    }

    /// <summary>Depth-first search with colours; returns the lesson ids of one cycle, first id repeated at the end.</summary>
    private static List<string>? FindCycle(Dictionary<string, LessonDefinition> lessons)
    {
        var colour = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var start in lessons.Keys)
        {
            if (colour.GetValueOrDefault(start) != 0)
            {
                continue;
            }

            // Iterative so a 2,000-lesson chain cannot overflow the stack.
            var stack = new Stack<(string Id, int Next)>();
            var path = new List<string>();
            stack.Push((start, 0));
            colour[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (id, next) = stack.Pop();
                var prerequisites = lessons[id].Prerequisites ?? [];
                if (next < prerequisites.Count)
                {
                    stack.Push((id, next + 1));
                    var target = prerequisites[next];
                    var state = colour.GetValueOrDefault(target);
                    if (state == 1)
                    {
                        var cycle = path.Skip(path.IndexOf(target)).ToList();
                        cycle.Add(target);
                        return cycle;
                    }

                    if (state == 0)
                    {
                        colour[target] = 1;
                        path.Add(target);
                        stack.Push((target, 0));
                    }
                }
                else
                {
                    colour[id] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        return null;
    }
}
