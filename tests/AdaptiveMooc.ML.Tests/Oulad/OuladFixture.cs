using Parquet;
using Parquet.Schema;

namespace AdaptiveMooc.ML.Tests.Oulad;

/// <summary>
/// A tiny OULAD folder written to a temp directory: three presentations, hand-written CSV rows and
/// studentVle partitions in the published layout (nullable doubles, as the original files).
/// </summary>
internal sealed class OuladFixture : IDisposable
{
    public OuladFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "oulad-fixture-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Write("courses.csv", """
            code_module,code_presentation,module_presentation_length
            AAA,2013J,100
            BBB,2013J,90
            BBB,2013B,80
            """);
        Write("assessments.csv", """
            code_module,code_presentation,id_assessment,assessment_type,date,weight
            AAA,2013J,1,TMA,20,50
            AAA,2013J,2,CMA,40,50
            AAA,2013J,3,Exam,,100
            BBB,2013J,10,TMA,30,100
            BBB,2013B,20,TMA,25,100
            """);
        Write("vle.csv", """
            id_site,code_module,code_presentation,activity_type,week_from,week_to
            100,AAA,2013J,resource,,
            101,AAA,2013J,oucontent,1,2
            200,BBB,2013J,quiz,,
            """);
        Write("studentInfo.csv", """
            code_module,code_presentation,id_student,gender,region,highest_education,imd_band,age_band,num_of_prev_attempts,studied_credits,disability,final_result
            AAA,2013J,1,M,"East, Anglian Region",HE Qualification,90-100%,55<=,0,240,N,Pass
            AAA,2013J,2,F,Scotland,A Level or Equivalent,,35-55,1,60,N,Withdrawn
            AAA,2013J,3,F,Wales,Lower Than A Level,10-20,0-35,0,120,Y,Fail
            BBB,2013J,1,M,"East, Anglian Region",HE Qualification,90-100%,55<=,0,240,N,Distinction
            BBB,2013B,4,M,Wales,Lower Than A Level,10-20,0-35,0,60,N,Pass
            """);
        Write("studentRegistration.csv", """
            code_module,code_presentation,id_student,date_registration,date_unregistration
            AAA,2013J,1,-10,
            AAA,2013J,2,-5,15
            AAA,2013J,3,,
            BBB,2013J,1,0,
            BBB,2013B,4,-3,
            """);
        Write("studentAssessment.csv", """
            id_assessment,id_student,date_submitted,is_banked,score
            1,1,18,0,80
            2,1,22,0,30
            1,2,-1,1,70
            1,3,19,0,
            10,1,29,0,90
            """);
        WriteClicks("AAA", "2013J", [(1, 100, -3, 2), (1, 101, 0, 5), (1, 100, 0, 1), (1, 100, 25, 4), (3, 101, 5, 7), (2, 100, 1, 3)]);
        WriteClicks("BBB", "2013J", [(1, 200, 2, 6)]);
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private void Write(string name, string text) =>
        File.WriteAllText(Path.Combine(Directory, name), text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");

    private void WriteClicks(string module, string presentation, (int Student, int Site, int Day, int Clicks)[] rows)
    {
        var folder = Path.Combine(Directory, "studentVle", $"code_module={module}", $"code_presentation={presentation}");
        System.IO.Directory.CreateDirectory(folder);
        var student = new DataField<double?>("id_student");
        var site = new DataField<double?>("id_site");
        var date = new DataField<double?>("date");
        var clicks = new DataField<double?>("sum_click");
        using var stream = File.Create(Path.Combine(folder, "part-0.parquet"));
        var task = WriteAsync(stream);
        task.GetAwaiter().GetResult();

        async Task WriteAsync(Stream output)
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(student, site, date, clicks), output);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(student, rows.Select(r => (double?)r.Student).ToArray().AsMemory());
            await group.WriteAsync<double>(site, rows.Select(r => (double?)r.Site).ToArray().AsMemory());
            await group.WriteAsync<double>(date, rows.Select(r => (double?)r.Day).ToArray().AsMemory());
            await group.WriteAsync<double>(clicks, rows.Select(r => (double?)r.Clicks).ToArray().AsMemory());
        }
    }
}
