using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace AdaptiveMooc.Tools.Import;

/// <summary><c>mooc import oulad</c>: parses the options, runs <see cref="OuladImporter"/>, prints the report.</summary>
internal static class OuladImportCommand
{
    public const string Usage =
        "usage: mooc import oulad --dir DIR --presentation MODULE-PRESENTATION [--api URL] [--key-file F] [--public-base URL]\n"
        + "                         [--batch N] [--concurrency N] [--cutoff DAY] [--no-validate] [--learner-password-file F]\n"
        + "                         [--owner TRAINER-ID --owner-password-file F]\n"
        + "                         [--today-is-day N [--live] [--speed COURSE-DAYS-PER-DAY] [--state F] [--demo-learner-file F]]\n"
        + "  --today-is-day N  place the presentation so that today is course day N; post only what happened up to now\n"
        + "  --live            then keep posting the following events as real time passes (SIGTERM or Ctrl-C stops)\n"
        + "  --speed S         course days per real day (default: MOOC_REPLAY_SPEED, else 1; 24 = one course day an hour)\n"
        + "  --state F         where the shift and the progress are kept (default .data/replay/PRESENTATION.json);\n"
        + "                    the same command again resumes from it";

    public static async Task<int> RunAsync(string[] args)
    {
        string? directory = null, presentation = null, keyFile = null, publicBase = null, passwordFile = null;
        string? owner = null, ownerPasswordFile = null, stateFile = null, demoLearnerFile = null;
        int? todayIsDay = null;
        var live = false;
        var speedText = Environment.GetEnvironmentVariable("MOOC_REPLAY_SPEED") is { Length: > 0 } envSpeed ? envSpeed : "1";
        var api = Environment.GetEnvironmentVariable("MOOC_API") is { Length: > 0 } e ? e : "http://127.0.0.1:5080";
        int batch = 250, concurrency = 4, cutoff = 28;
        var validate = true;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--dir" when value is not null: directory = value; i++; break;
                case "--presentation" when value is not null: presentation = value; i++; break;
                case "--api" when value is not null: api = value; i++; break;
                case "--key-file" when value is not null: keyFile = value; i++; break;
                case "--public-base" when value is not null: publicBase = value; i++; break;
                case "--learner-password-file" when value is not null: passwordFile = value; i++; break;
                case "--batch" when int.TryParse(value, CultureInfo.InvariantCulture, out batch) && batch is > 0 and <= 1000: i++; break;
                case "--concurrency" when int.TryParse(value, CultureInfo.InvariantCulture, out concurrency) && concurrency is > 0 and <= 64: i++; break;
                case "--cutoff" when int.TryParse(value, CultureInfo.InvariantCulture, out cutoff): i++; break;
                case "--no-validate": validate = false; break;
                case "--owner" when value is not null: owner = value; i++; break;
                case "--owner-password-file" when value is not null: ownerPasswordFile = value; i++; break;
                case "--today-is-day" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var day): todayIsDay = day; i++; break;
                case "--live": live = true; break;
                case "--speed" when value is not null: speedText = value; i++; break;
                case "--state" when value is not null: stateFile = value; i++; break;
                case "--demo-learner-file" when value is not null: demoLearnerFile = value; i++; break;
                default:
                    Console.Error.WriteLine($"import oulad: unknown or incomplete option '{args[i]}'");
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        if (directory is null || presentation is null)
        {
            Console.Error.WriteLine("import oulad: --dir and --presentation are required");
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUri))
        {
            Console.Error.WriteLine($"import oulad: --api '{api}' is not an absolute URL");
            return 2;
        }

        if (!double.TryParse(speedText, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) || !(speed is > 0 and <= 1440))
        {
            Console.Error.WriteLine($"import oulad: --speed (or MOOC_REPLAY_SPEED) '{speedText}' must be a number of course days per real day above 0, at most 1440");
            return 2;
        }

        if (todayIsDay is null && (live || stateFile is not null || demoLearnerFile is not null))
        {
            Console.Error.WriteLine("import oulad: --live, --state and --demo-learner-file need --today-is-day N");
            return 2;
        }

        if (todayIsDay is < -365 or > 3650)
        {
            Console.Error.WriteLine("import oulad: --today-is-day must be a course day from -365 to 3650");
            return 2;
        }

        if ((owner is null) != (ownerPasswordFile is null) || (owner is not null && !IsId(owner)))
        {
            Console.Error.WriteLine("import oulad: --owner needs --owner-password-file, and an id of 1-64 characters of [a-z0-9-]");
            return 2;
        }

        keyFile ??= Path.Combine(".data", "secrets", "admin.key");
        if (!File.Exists(keyFile))
        {
            Console.Error.WriteLine($"import oulad: no API key in {keyFile} (./mooc up creates .data/secrets/admin.key; or give --key-file)");
            return 2;
        }

        var options = new ImportOptions(
            directory, presentation, apiUri, (await File.ReadAllTextAsync(keyFile)).Trim(), publicBase ?? api.TrimEnd('/'),
            batch, concurrency, cutoff, validate, passwordFile is null ? null : await LearnerPasswordAsync(passwordFile),
            Owner: owner, OwnerPassword: ownerPasswordFile is null ? null : await LearnerPasswordAsync(ownerPasswordFile));
        try
        {
            if (todayIsDay is { } n)
            {
                var present = new PresentOptions(
                    n, live, speed, stateFile ?? Path.Combine(".data", "replay", presentation + ".json"), demoLearnerFile);
                using var stop = new CancellationTokenSource();
                using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
                return await new PresentImport(options, present, Console.Error, Console.Out, TimeProvider.System).RunAsync(stop.Token);

                // A signal ends the replay between two acknowledged chunks; the process then exits on its own.
                void Stop(PosixSignalContext context)
                {
                    context.Cancel = true;
                    stop.Cancel();
                }
            }

            var summary = await new OuladImporter(options, Console.Error).RunAsync(CancellationToken.None);
            Print(summary, Console.Out);
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("import oulad: stopped before the posting caught up (the same command resumes)");
            return 1;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or InvalidDataException or FileNotFoundException or HttpRequestException)
        {
            Console.Error.WriteLine($"import oulad: {exception.Message}");
            return 1;
        }
    }

    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>A password kept in a file (the imported learners' shared one, a course owner's), generated on first use into a 0600 file.</summary>
    public static async Task<string> LearnerPasswordAsync(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', 'x').Replace('+', 'y');
            await File.WriteAllTextAsync(file, fresh + "\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return (await File.ReadAllTextAsync(file)).Trim();
    }

    public static void Print(ImportSummary s, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"course {s.CourseId}: {s.Learners} learners, {s.Statements} statements in {s.PostingTime.TotalSeconds:F1} s of posting = {s.StatementsPerSecond:F0} statements/s ({s.Retries} retried requests)"));
        output.WriteLine(string.Create(inv, $"analytics reflected the last statement {s.AnalyticsCatchUp.TotalSeconds:F1} s after its answer{(s.AnalyticsCaughtUp ? string.Empty : " (NOT caught up: the wait ran out)")}"));
        if (s.Validation is { } v)
        {
            output.WriteLine(v.Auc is { } auc
                ? string.Create(inv, $"at-risk as of day {v.CutoffDay}: withdrawal AUC {auc:F3} (PR-AUC {v.PrAuc:F3}) on {v.Population} learners ({v.Withdrawn} withdrew), {v.ListedInPopulation} of them listed; floor (fewer clicks) {v.FloorAuc:F3}; {v.Status}")
                : string.Create(inv, $"at-risk as of day {v.CutoffDay}: UNAVAILABLE ({v.Status}); no AUC. Floor (fewer clicks) on the {v.Population} learners: {v.FloorAuc:F3}"));
            if (v.AtRiskAuc is { } atRiskAuc)
            {
                output.WriteLine(string.Create(inv, $"at-risk (withdrawn or failed) as of day {v.CutoffDay}: AUC {atRiskAuc:F3} ({v.FailedOrWithdrawn} of {v.Population}); floor (fewer clicks) {v.AtRiskFloorAuc:F3}"));
            }
        }

        var p = s.Platform;
        var f = s.Files;
        output.WriteLine("figure                       platform   OULAD files");
        output.WriteLine(string.Create(inv, $"registrations                {p.Enrolled + p.Withdrawn,8}   {f.Registrations,8}"));
        output.WriteLine(string.Create(inv, $"withdrawn                    {p.Withdrawn,8}   {f.Unregistered,8}  (date_unregistration; final_result Withdrawn: {f.FinalWithdrawn})"));
        output.WriteLine(string.Create(inv, $"enrolled at the end          {p.Enrolled,8}   {f.StillRegistered,8}"));
        output.WriteLine(string.Create(inv, $"completed                    {p.Completed,8}   {f.Completed,8}  (platform: every required assessment passed; OULAD: Pass {f.Pass} + Distinction {f.Distinction})"));
        output.WriteLine(string.Create(inv, $"completion rate              {p.CompletionRate,8:F3}   {f.CompletionRate,8:F3}  (OULAD: of all registrations)"));
        output.WriteLine(JsonSerializer.Serialize(
            new
            {
                import = "oulad",
                courseId = s.CourseId,
                learners = s.Learners,
                statements = s.Statements,
                postingSeconds = Math.Round(s.PostingTime.TotalSeconds, 2),
                statementsPerSecond = Math.Round(s.StatementsPerSecond, 1),
                analyticsCaughtUp = s.AnalyticsCaughtUp,
                analyticsCatchUpSeconds = Math.Round(s.AnalyticsCatchUp.TotalSeconds, 2),
                totalSeconds = Math.Round(s.Total.TotalSeconds, 1),
                retries = s.Retries,
                skips = s.Skips,
                validation = s.Validation,
                platform = s.Platform,
                files = new { f.Registrations, f.Unregistered, f.FinalWithdrawn, f.Pass, f.Distinction, f.Fail, f.Completed, completionRate = Math.Round(f.CompletionRate, 4) },
            },
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
    }
}
