using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RegisterTree : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "canonical_version",
                table: "published_decisions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            // Entries published so far keep the version they were hashed with; every later one states its own.
            migrationBuilder.Sql("ALTER TABLE published_decisions ALTER COLUMN canonical_version DROP DEFAULT;");

            migrationBuilder.CreateTable(
                name: "register_tree_nodes",
                columns: table => new
                {
                    level = table.Column<int>(type: "integer", nullable: false),
                    index = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_register_tree_nodes", x => new { x.level, x.index });
                });

            // The tree is as append-only as the entries it is built over.
            migrationBuilder.Sql("""
                CREATE TRIGGER register_tree_nodes_append_only BEFORE UPDATE OR DELETE ON register_tree_nodes
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "register_tree_nodes");

            migrationBuilder.DropColumn(
                name: "canonical_version",
                table: "published_decisions");
        }
    }
}
