using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Registers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "interests_declared_on",
                table: "people",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "management",
                table: "interests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "gifts_and_hospitality",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    giver = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    giver_is_supplier = table.Column<bool>(type: "boolean", nullable: false),
                    value = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    offered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    accepted = table.Column<bool>(type: "boolean", nullable: false),
                    senior_approval = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    declared_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    is_fictional = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gifts_and_hospitality", x => x.id);
                    table.CheckConstraint("ck_gifts_and_hospitality_value", "value >= 0");
                    table.ForeignKey(
                        name: "fk_gifts_and_hospitality_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "procurement_decisions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    body_id = table.Column<int>(type: "integer", nullable: false),
                    contract_id = table.Column<int>(type: "integer", nullable: false),
                    route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    meeting_id = table.Column<int>(type: "integer", nullable: true),
                    decision_sequence = table.Column<long>(type: "bigint", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    is_fictional = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurement_decisions_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_procurement_decisions_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_procurement_decisions_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_procurement_decisions_published_decisions_decision_sequence",
                        column: x => x.decision_sequence,
                        principalTable: "published_decisions",
                        principalColumn: "sequence",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "procurement_interests",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    procurement_decision_id = table.Column<int>(type: "integer", nullable: false),
                    person_id = table.Column<int>(type: "integer", nullable: false),
                    interest = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    management = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_interests", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurement_interests_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_procurement_interests_procurement_decisions_procurement_dec",
                        column: x => x.procurement_decision_id,
                        principalTable: "procurement_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_gifts_and_hospitality_person_id",
                table: "gifts_and_hospitality",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_decisions_body_id",
                table: "procurement_decisions",
                column: "body_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_decisions_contract_id",
                table: "procurement_decisions",
                column: "contract_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procurement_decisions_decision_sequence",
                table: "procurement_decisions",
                column: "decision_sequence");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_decisions_meeting_id",
                table: "procurement_decisions",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_interests_person_id",
                table: "procurement_interests",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_interests_procurement_decision_id_person_id",
                table: "procurement_interests",
                columns: new[] { "procurement_decision_id", "person_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gifts_and_hospitality");

            migrationBuilder.DropTable(
                name: "procurement_interests");

            migrationBuilder.DropTable(
                name: "procurement_decisions");

            migrationBuilder.DropColumn(
                name: "interests_declared_on",
                table: "people");

            migrationBuilder.DropColumn(
                name: "management",
                table: "interests");
        }
    }
}
