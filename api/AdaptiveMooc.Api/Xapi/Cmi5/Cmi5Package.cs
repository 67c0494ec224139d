using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace AdaptiveMooc.Api.Xapi.Cmi5;

/// <summary>
/// A cmi5 course structure (cmi5 13.0, <c>cmi5.xml</c> at the root of a course package zip, 14.1): the
/// course id and title and its AUs in document order, blocks flattened. Throws <see cref="Cmi5PackageException"/>
/// for a package that is not one.
/// </summary>
internal sealed record Cmi5Package(string CourseId, string Title, IReadOnlyList<Cmi5Au> Aus)
{
    public const string Namespace = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    public const int MaxStructureBytes = 4 * 1024 * 1024;
    /// <summary>The package's file names (set by <see cref="FromZip"/>, after <see cref="Cmi5PackageFiles.Check"/>).</summary>
    public IReadOnlySet<string> Files { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>For a package hosted outside the platform: its cmi5.xml's address, against which relative AU urls resolve.</summary>
    public Uri? BaseUrl { get; init; }

    private static readonly HashSet<string> MoveOnValues = new(["NotApplicable", "Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed"], StringComparer.Ordinal);

    public static Cmi5Package FromZip(Stream zip)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            var files = Cmi5PackageFiles.Check(archive);
            var entry = archive.GetEntry("cmi5.xml") ?? throw new Cmi5PackageException("The package has no cmi5.xml at its root (cmi5 14.1).");
            if (entry.Length > MaxStructureBytes)
            {
                throw new Cmi5PackageException($"cmi5.xml is larger than {MaxStructureBytes} bytes.");
            }

            using var stream = entry.Open();
            return FromXml(stream) with { Files = files };
        }
        catch (InvalidDataException)
        {
            throw new Cmi5PackageException("The file is not a zip archive.");
        }
    }

    public static Cmi5Package FromXml(Stream xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxStructureBytes });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new Cmi5PackageException($"cmi5.xml is not well-formed XML: {e.Message}");
        }

        XNamespace ns = Namespace;
        var root = document.Root;
        if (root is null || root.Name != ns + "courseStructure")
        {
            throw new Cmi5PackageException($"cmi5.xml's root must be courseStructure in namespace {Namespace}.");
        }

        var course = root.Element(ns + "course") ?? throw new Cmi5PackageException("cmi5.xml has no course element.");
        var courseId = Iri(course.Attribute("id")?.Value, "course id");
        var aus = new List<Cmi5Au>();
        foreach (var au in root.Descendants(ns + "au"))
        {
            var id = Iri(au.Attribute("id")?.Value, "au id");
            var url = au.Element(ns + "url")?.Value.Trim();
            if (string.IsNullOrEmpty(url))
            {
                throw new Cmi5PackageException($"AU {id} has no url.");
            }

            var moveOn = au.Attribute("moveOn")?.Value ?? "NotApplicable";
            if (!MoveOnValues.Contains(moveOn))
            {
                throw new Cmi5PackageException($"AU {id}: moveOn '{moveOn}' is not one of {string.Join(", ", MoveOnValues)}.");
            }

            double? mastery = null;
            if (au.Attribute("masteryScore")?.Value is { } masteryText)
            {
                if (!double.TryParse(masteryText, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) || m is < 0 or > 1)
                {
                    throw new Cmi5PackageException($"AU {id}: masteryScore must be a decimal from 0 to 1.");
                }

                mastery = m;
            }

            var launchMethod = au.Attribute("launchMethod")?.Value ?? "AnyWindow";
            if (launchMethod is not ("AnyWindow" or "OwnWindow"))
            {
                throw new Cmi5PackageException($"AU {id}: launchMethod must be AnyWindow or OwnWindow.");
            }

            aus.Add(new Cmi5Au(id, TitleOf(au, ns) ?? id, url, launchMethod, moveOn, mastery, au.Element(ns + "launchParameters")?.Value));
        }

        if (aus.Count == 0)
        {
            throw new Cmi5PackageException("cmi5.xml declares no AU.");
        }

        return new Cmi5Package(courseId, TitleOf(course, ns) ?? courseId, aus);
    }

    private static string? TitleOf(XElement element, XNamespace ns) =>
        element.Element(ns + "title")?.Elements(ns + "langstring").FirstOrDefault()?.Value.Trim();

    private static string Iri(string? value, string what) =>
        value is { Length: > 0 and <= 2048 } && Uri.TryCreate(value, UriKind.Absolute, out _)
            ? value
            : throw new Cmi5PackageException($"The {what} must be an absolute IRI.");
}
