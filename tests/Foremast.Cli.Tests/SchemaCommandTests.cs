using Foremast.Tests.Shared;

namespace Foremast.Cli.Tests;

public class SchemaCommandTests
{
    [Fact]
    public void Schema_command_writes_the_committed_schemas()
    {
        var dir = Directory.CreateTempSubdirectory("schemas-").FullName;
        try
        {
            var (code, output, error) = CliRunner.Run("schema", "--out", dir);

            Assert.True(code == 0, error);
            foreach (var name in new[] { "pipeline.schema.json", "application-master.schema.json" })
            {
                Assert.Contains(Path.Combine(dir, name), output);
                Assert.Equal(File.ReadAllText(Path.Combine(Fixtures.Root, "schemas", name)), File.ReadAllText(Path.Combine(dir, name)));
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
