using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FunctionAllocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commissioning_levels",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    population_from = table.Column<int>(type: "integer", nullable: true),
                    population_to = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioning_levels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "function_allocations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    function = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    level_id = table.Column<int>(type: "integer", nullable: false),
                    decided_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_function_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_function_allocations_commissioning_levels_level_id",
                        column: x => x.level_id,
                        principalTable: "commissioning_levels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commissioning_levels_name",
                table: "commissioning_levels",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_function_allocations_function",
                table: "function_allocations",
                column: "function",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_function_allocations_level_id",
                table: "function_allocations",
                column: "level_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "function_allocations");

            migrationBuilder.DropTable(
                name: "commissioning_levels");
        }
    }
}
