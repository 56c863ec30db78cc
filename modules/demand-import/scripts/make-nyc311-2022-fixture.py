"""Builds src/fixtures/nyc311_2022-05.csv: a 2022-shaped NYC 311 export (the 41 columns of
/work/shared/data/nyc311/columns-2022.txt) for the tests of the 2022 preset.

- Every 8th real row of the 2013-12-25 export, re-shaped to the 2022 columns: complaint types renamed
  as the current data dictionary names them, dates moved to May 2022 (the time of day and the span to
  the closed and due dates kept), a result text and an Open Data Channel Type added.
- Rows of complaint types that are new since 2013 (Noise - Park, Abandoned Vehicle, Encampment, …),
  some open, some closed, from the agencies that handle them.
Deterministic (no randomness): run it again and the file is the same.
"""
import csv
import datetime as dt
import io
import os

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, '..', 'src', 'fixtures', 'nyc311_2013-12-25.csv')
out = os.path.join(here, '..', 'src', 'fixtures', 'nyc311_2022-05.csv')
header = ('Unique Key,Created Date,Closed Date,Agency,Agency Name,Complaint Type,Descriptor,Location Type,Incident Zip,'
          'Incident Address,Street Name,Cross Street 1,Cross Street 2,Intersection Street 1,Intersection Street 2,Address Type,'
          'City,Landmark,Facility Type,Status,Due Date,Resolution Description,Resolution Action Updated Date,Community Board,BBL,'
          'Borough,X Coordinate (State Plane),Y Coordinate (State Plane),Open Data Channel Type,Park Facility Name,Park Borough,'
          'Vehicle Type,Taxi Company Borough,Taxi Pick Up Location,Bridge Highway Name,Bridge Highway Direction,Road Ramp,'
          'Bridge Highway Segment,Latitude,Longitude,Location').split(',')
assert len(header) == 41

FMT = '%m/%d/%Y %I:%M:%S %p'
renamed = {
    'HEATING': 'HEAT/HOT WATER',
    'PAINT - PLASTER': 'PAINT/PLASTER',
    'NONCONST': 'UNSANITARY CONDITION',
    'Derelict Vehicle': 'Abandoned Vehicle',
    'Dirty Conditions': 'Dirty Condition',
    'Missed Collection (All Materials)': 'Missed Collection',
    'Animal Abuse': 'Animal-Abuse',
}
channels = ['PHONE', 'ONLINE', 'MOBILE', 'PHONE', 'UNKNOWN', 'PHONE', 'ONLINE', 'OTHER']
agency_names = {
    'NYPD': 'New York City Police Department', 'DHS': 'Department of Homeless Services',
    'DEP': 'Department of Environmental Protection', 'DPR': 'Department of Parks and Recreation',
    'DSNY': 'Department of Sanitation', 'DOHMH': 'Department of Health and Mental Hygiene',
    'TLC': 'Taxi and Limousine Commission', 'DOT': 'Department of Transportation',
    'HPD': 'Department of Housing Preservation and Development', 'DOB': 'Department of Buildings',
}
closed_text = {
    'NYPD': 'The Police Department responded to the complaint and took action to fix the condition.',
    'HPD': 'The Department of Housing Preservation and Development inspected the following conditions. Violations were issued.',
    'DHS': 'The Department of Homeless Services sent an outreach team to the location; the individual was offered services.',
    'DEP': 'The Department of Environmental Protection investigated this complaint and fixed the problem.',
    'DSNY': 'The Department of Sanitation cleaned the location.',
    'DOT': 'The Department of Transportation repaired the problem.',
}
open_text = 'The complaint has been assigned to the agency and is being reviewed.'


def parse(text):
    return dt.datetime.strptime(text, FMT) if text else None


def fmt(d):
    return d.strftime(FMT) if d else ''


rows_out = []
with open(src, newline='', encoding='utf-8') as f:
    real = list(csv.DictReader(f))
for i, r in enumerate(real[::8]):
    created = parse(r['Created Date'])
    day = dt.datetime(2022, 5, 1 + i % 28, created.hour, created.minute, created.second)
    shift = day - created
    closed = parse(r['Closed Date'])
    due = parse(r['Due Date'])
    updated = parse(r['Resolution Action Updated Date'])
    # The one real row closed before it was created stays out: this file is about the mapping.
    if closed and closed < created:
        continue
    row = {h: r.get(h, '') for h in header}
    row['Unique Key'] = str(53000000 + int(r['Unique Key']) % 1000000)
    row['Created Date'] = fmt(day)
    row['Closed Date'] = fmt(closed + shift if closed else None)
    row['Due Date'] = fmt(due + shift if due else None)
    row['Resolution Action Updated Date'] = fmt(updated + shift if updated else None)
    row['Complaint Type'] = renamed.get(r['Complaint Type'], r['Complaint Type'])
    row['Open Data Channel Type'] = channels[i % len(channels)]
    row['Resolution Description'] = (closed_text.get(r['Agency'], 'The agency resolved the complaint.')
                                     if r['Status'] == 'Closed' else open_text)
    rows_out.append(row)

# Complaint types added or renamed since 2013, with the agency that handles them; every third one open.
new_types = [
    ('Noise - Park', 'NYPD', 'Loud Music/Party', 'Park/Playground'),
    ('Abandoned Vehicle', 'NYPD', 'With License Plate', 'Street/Sidewalk'),
    ('Encampment', 'NYPD', 'N/A', 'Street/Sidewalk'),
    ('Illegal Fireworks', 'NYPD', 'N/A', 'Street/Sidewalk'),
    ('Non-Emergency Police Matter', 'NYPD', 'Trespassing', 'Residential Building/House'),
    ('Homeless Person Assistance', 'DHS', 'Chronic', 'Street/Sidewalk'),
    ('Drug Activity', 'NYPD', 'Use Indoor', 'Residential Building/House'),
    ('Street Flooding', 'DEP', 'Street Flooding (SJ)', 'Street'),
    ('Dead/Dying Tree', 'DPR', 'Dead/Dying Tree', 'Street'),
    ('Illegal Dumping', 'DSNY', 'Removal Request', 'Sidewalk'),
    ('Food Establishment', 'DOHMH', 'Rodents/Insects/Garbage', 'Restaurant/Bar/Deli/Bakery'),
    ('WATER LEAK', 'HPD', 'HEAVY FLOW', 'RESIDENTIAL BUILDING'),
    ('DOOR/WINDOW', 'HPD', 'DOOR', 'RESIDENTIAL BUILDING'),
    ('Obstruction', 'DOT', 'Construction Equipment', 'Street'),
    ('Taxi Complaint', 'TLC', 'Driver Complaint - Passenger', 'Street'),
]
streets = ['BROADWAY', 'AMSTERDAM AVENUE', 'GRAND CONCOURSE', 'FLATBUSH AVENUE', 'QUEENS BOULEVARD', 'VICTORY BOULEVARD']
boroughs = ['MANHATTAN', 'MANHATTAN', 'BRONX', 'BROOKLYN', 'QUEENS', 'STATEN ISLAND']
n = 0
for k in range(8):
    for t, (ctype, agency, descriptor, place) in enumerate(new_types):
        # Taxi complaints have no county department here and land in 其他: keep them to a realistic few.
        if ctype == 'Taxi Complaint' and k > 1:
            continue
        n += 1
        created = dt.datetime(2022, 5, 1 + (k * 3 + t) % 28, (7 + t * 3 + k) % 24, (t * 7 + k * 11) % 60, (t * 13) % 60)
        is_open = n % 3 == 0
        closed = None if is_open else created + dt.timedelta(hours=2 + (t * 5 + k) % 70, minutes=17)
        s = (t + k) % len(streets)
        row = {h: '' for h in header}
        row.update({
            'Unique Key': str(54100000 + n),
            'Created Date': fmt(created),
            'Closed Date': fmt(closed),
            'Agency': agency,
            'Agency Name': agency_names[agency],
            'Complaint Type': ctype,
            'Descriptor': descriptor,
            'Location Type': place,
            'Incident Zip': str(10001 + (t * 37 + k * 11) % 900),
            'Incident Address': f'{100 + t * 17 + k * 3} {streets[s]}',
            'Street Name': streets[s],
            'Address Type': 'ADDRESS',
            'City': 'NEW YORK' if boroughs[s] == 'MANHATTAN' else boroughs[s],
            'Status': 'Open' if is_open else 'Closed',
            'Due Date': fmt(created + dt.timedelta(days=8)) if agency in ('HPD', 'DOT', 'DEP') else '',
            'Resolution Description': open_text if is_open else closed_text.get(agency, 'The agency resolved the complaint.'),
            'Resolution Action Updated Date': fmt(closed or created + dt.timedelta(hours=1)),
            'Community Board': f'{(t % 12) + 1:02d} {boroughs[s]}',
            'Borough': boroughs[s],
            'Open Data Channel Type': channels[(n * 3) % len(channels)],
            'Latitude': f'{40.60 + (t * 0.013 + k * 0.007) % 0.25:.8f}',
            'Longitude': f'{-74.05 + (t * 0.011 + k * 0.005) % 0.25:.8f}',
        })
        row['Location'] = f"({row['Latitude']}, {row['Longitude']})"
        rows_out.append(row)

buf = io.StringIO()
w = csv.DictWriter(buf, fieldnames=header, lineterminator='\n')
w.writeheader()
w.writerows(rows_out)
with open(out, 'w', encoding='utf-8', newline='') as f:
    f.write(buf.getvalue())
print(len(rows_out), 'rows →', out)
